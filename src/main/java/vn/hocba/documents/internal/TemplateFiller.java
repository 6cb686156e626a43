package vn.hocba.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import vn.hocba.documents.DocumentData;

/**
 * Fills an XHTML template from {@code templates/} (a standalone Thymeleaf engine with Spring EL,
 * no web context) and returns NFC-normalised XHTML: decomposed Vietnamese ("a" + combining
 * marks) would otherwise be laid out glyph by glyph with misplaced marks.
 */
final class TemplateFiller {

    private static final String STYLESHEET = "document.css";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Optional<Path> directory;
    private final String css;
    /**
     * Spring EL's evaluation context, kept across documents: left to Thymeleaf, each document got a new one, whose
     * reflective property accessors start with empty caches, so every property of every record was looked up again
     * by reflection (all public methods of the class, sorted) on each document. The same access rules apply (the
     * wrapper is the one Thymeleaf itself would create); its per-expression state (expression objects, restricted
     * mode) is set by Thymeleaf before every evaluation. Not thread-safe, as this filler.
     */
    private final ThymeleafEvaluationContextWrapper evaluation =
            new ThymeleafEvaluationContextWrapper(new StandardEvaluationContext());

    TemplateFiller(Optional<Path> directory) {
        this.directory = directory;
        AbstractConfigurableTemplateResolver resolver = directory.isPresent()
                ? new FileTemplateResolver() : new ClassLoaderTemplateResolver();
        resolver.setPrefix(directory.map(d -> d.toString() + "/").orElse("templates/"));
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true);
        this.css = readStylesheet();
    }

    String fill(DocumentData data, VerificationMark mark) {
        Context context = new Context();
        context.setVariables(Map.of("doc", data, "mark", mark, "css", css,
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation));
        String xhtml = engine.process(data.kind().templateName(), context);
        return Normalizer.normalize(xhtml, Normalizer.Form.NFC);
    }

    private String readStylesheet() {
        try {
            if (directory.isPresent()) {
                return Files.readString(directory.get().resolve(STYLESHEET), StandardCharsets.UTF_8);
            }
            try (InputStream in = TemplateFiller.class.getResourceAsStream("/templates/" + STYLESHEET)) {
                if (in == null) {
                    throw new IllegalStateException("templates/" + STYLESHEET + " missing from classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STYLESHEET, e);
        }
    }
}
