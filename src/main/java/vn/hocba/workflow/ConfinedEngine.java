package vn.hocba.workflow;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * What the engine may run, whatever a model or a request asks (issue 13): only the models of the
 * release (processes/, deployed at start; nothing is exposed to deploy others), and in them only
 * expressions over this module's beans — the delegates and {@code termCloseTasks}, not
 * {@code jdbcTemplate} or any other bean of the application. No script language at all: the models
 * use none, so a model with a script is refused when it is deployed, and no script engine is found
 * should one get past. Queries and stored filters cannot carry expressions, and no variable can be
 * sent as Java-serialized bytes. Set in code so that no setting switches them back on.
 */
@Component
class ConfinedEngine extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ConfinedEngine(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setScriptFactory(new NoScripts());
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableScriptEngineCaching(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        // Replaces the manager over every bean of the context that the Spring engine factory set up.
        configuration.setExpressionManager(new SpringExpressionManager(context, new WorkflowBeans(context)));
    }

    /** Refuses every script when a model is parsed (script tasks, listeners, conditions, input/output). */
    static final class NoScripts extends ScriptFactory {

        @Override
        public ExecutableScript createScriptFromResource(String language, String resource) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromResource(String language, Expression resource) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, String source) {
            throw refused(language);
        }

        @Override
        public ExecutableScript createScriptFromSource(String language, Expression source) {
            throw refused(language);
        }

        private static ProcessEngineException refused(String language) {
            return new ProcessEngineException("Scripts are disabled in HocBa (language '" + language
                    + "'): use a Java delegate in the workflow module.");
        }
    }

    /** Finds no engine for any language (also for DMN expression languages other than FEEL and JUEL). */
    static final class NoScriptEngines implements ScriptEngineResolver {

        private final ScriptEngineManager manager = new ScriptEngineManager(null);

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // none are added
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return manager;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean cached) {
            return null;
        }
    }

    /**
     * The beans expressions may name: those of the workflow module (delegates, {@code termCloseTasks}),
     * read from the context when first used, after it has been refreshed.
     */
    static final class WorkflowBeans extends AbstractMap<Object, Object> {

        private static final String PACKAGE = ConfinedEngine.class.getPackageName();

        private final ApplicationContext context;
        private volatile Set<String> names;

        WorkflowBeans(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names().contains(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            return names().stream().map(n -> Map.entry((Object) n, context.getBean(n))).collect(Collectors.toSet());
        }

        private Set<String> names() {
            if (names == null) {
                names = Arrays.stream(context.getBeanDefinitionNames()).filter(this::inWorkflow).collect(Collectors.toUnmodifiableSet());
            }
            return names;
        }

        private boolean inWorkflow(String name) {
            Class<?> type = context.getType(name, false);
            String module = type == null ? "" : ClassUtils.getUserClass(type).getPackageName();
            return module.equals(PACKAGE) || module.startsWith(PACKAGE + ".");
        }
    }
}
