package vn.hocba.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares on the current thread (HocBa's own queries and the
 * process engine's alike), for tests asserting how many queries a request makes: {@code @Import} it into a
 * test class that already has its own Spring context (its own database), then
 * {@code SqlStatementCounter.start(); …request through MockMvc…; long n = SqlStatementCounter.stop();}.
 * Statements prepared on other threads (the job executor, a browser's requests) are not counted.
 */
public final class SqlStatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();
    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

    /** Starts counting the statements of this thread from zero. */
    public static void start() {
        COUNT.set(new long[1]);
    }

    /** Stops counting and returns how many statements this thread prepared since {@link #start()}. */
    public static long stop() {
        long[] count = COUNT.get();
        COUNT.remove();
        if (count == null) {
            throw new IllegalStateException("SqlStatementCounter.start() was not called on this thread");
        }
        return count[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
    }

    /** The application's data source, handing out connections that count what they prepare. */
    static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private static Connection counted(Connection target) {
            return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        long[] count = COUNT.get();
                        if (count != null && PREPARING.contains(method.getName())) {
                            count[0]++;
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
