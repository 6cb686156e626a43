package vn.hocba.documents;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections the {@link GenerationLeases generation leases} are taken, renewed and given back on: a
 * small pool of their own ({@value #SIZE} connections, none kept while idle) on the application's database,
 * apart from the application's pool. A process job generates a class's documents inside its job's
 * transaction, which holds one of the application's connections for the whole run; taking the class's
 * lease must commit at once (other nodes must see it), so it needs a second connection while the first is
 * held. From the application's pool, N job threads generating at once on a pool of N connections would
 * each hold one and wait for a second until the pool's timeout (the pool ran dry, every generation failed),
 * and the heartbeat that keeps a long run's lease alive would wait with them. A lease operation is one
 * short statement or two that waits for no other connection of this node, so a few connections serve any
 * number of job threads (they queue for milliseconds, never for each other's runs).
 *
 * <p>Built from the application's Hikari pool (URL, user, password, driver and their properties). Any other
 * kind of {@link DataSource} is used as it is: an unpooled one cannot run dry; a pool of another kind
 * must then be larger than the job executor's threads.
 */
@Component
class LeaseConnections {

    /** Connections of the leases' pool: the heartbeat and one taking or giving back a lease at the same time. */
    static final int SIZE = 2;

    private static final Logger log = LoggerFactory.getLogger(LeaseConnections.class);

    private final HikariDataSource own;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    LeaseConnections(DataSource application) {
        this.own = ownPool(application);
        DataSource leases = own != null ? own : application;
        this.jdbc = JdbcClient.create(leases);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(leases));
        // A transaction of its own even on the application's DataSource (when it is not a Hikari pool).
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Statements on the leases' connections (within {@link #transactions()}: on its connection). */
    JdbcClient jdbc() {
        return jdbc;
    }

    /** A transaction of its own on the leases' connections, committed when it returns. */
    TransactionTemplate transactions() {
        return transactions;
    }

    /** The leases' own pool, if the application's DataSource is a Hikari pool (a test reads its state). */
    HikariDataSource pool() {
        return own;
    }

    @PreDestroy
    void close() {
        if (own != null) {
            own.close();
        }
    }

    private static HikariDataSource ownPool(DataSource application) {
        HikariDataSource main;
        try {
            if (!application.isWrapperFor(HikariDataSource.class)) {
                log.info("Document generation leases use the application's DataSource ({}): its pool must be larger "
                        + "than the job executor's threads", application.getClass().getSimpleName());
                return null;
            }
            main = application.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the application's connection pool", e);
        }
        HikariConfig config = new HikariConfig();
        if (main.getDataSource() != null) {
            config.setDataSource(main.getDataSource());
        }
        if (main.getJdbcUrl() != null) {
            config.setJdbcUrl(main.getJdbcUrl());
        }
        if (main.getDriverClassName() != null) {
            config.setDriverClassName(main.getDriverClassName());
        }
        if (main.getDataSourceClassName() != null) {
            config.setDataSourceClassName(main.getDataSourceClassName());
        }
        config.setDataSourceProperties(main.getDataSourceProperties());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setSchema(main.getSchema());
        config.setCatalog(main.getCatalog());
        config.setConnectionInitSql(main.getConnectionInitSql());
        config.setConnectionTimeout(main.getConnectionTimeout());
        config.setPoolName((main.getPoolName() == null ? "HikariPool" : main.getPoolName()) + "-generation-leases");
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        // No connection at start: the database may not be ready (or migrated) yet when this bean is made.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
