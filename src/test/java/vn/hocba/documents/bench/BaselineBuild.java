package vn.hocba.documents.bench;

import java.io.File;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another build of HocBa (e.g. main's {@code target/classes}) loaded beside this one in the same JVM, in a class loader
 * of its own with its own copies of Flying Saucer, OpenPDF, PDFBox and Thymeleaf, so that its pipeline can be measured
 * against this build's in alternating rounds of the same run: same JVM, same machine load, same JIT conditions.
 */
final class BaselineBuild {

    private final ClassLoader loader;
    private final Object pipeline;
    private final Method render;
    private final List<?> transcripts;

    /** @param classes  the other build's {@code target/classes} folder */
    BaselineBuild(Path classes, int classSize) throws ReflectiveOperationException, MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) { // the libraries; this build's own classes folders stay out
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        @SuppressWarnings("resource") // lives as long as the benchmark
        ClassLoader own = new URLClassLoader("baseline", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.loader = own;
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // Thymeleaf and Jackson look up services through it
        try {
            Class<?> samples = loader.loadClass("vn.hocba.documents.sample.SampleDocuments");
            Object sample = samples.getMethod("withClassSize", int.class).invoke(null, classSize);
            this.transcripts = (List<?>) samples.getMethod("transcripts").invoke(sample);
            Class<?> settings = loader.loadClass("vn.hocba.documents.RenderSettings");
            Class<?> pipelineClass = loader.loadClass("vn.hocba.documents.internal.DocumentPipeline");
            this.pipeline = pipelineClass.getConstructor(settings).newInstance(settings.getMethod("defaults").invoke(null));
            this.render = pipelineClass.getMethod("render", loader.loadClass("vn.hocba.documents.DocumentData"),
                    OutputStream.class);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** The transcripts of the sample class, rendered by the other build into {@code sink}. */
    void renderAll(OutputStream sink) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (Object transcript : transcripts) {
                render.invoke(pipeline, transcript, sink);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    int size() {
        return transcripts.size();
    }
}
