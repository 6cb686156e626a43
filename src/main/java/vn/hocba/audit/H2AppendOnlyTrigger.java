package vn.hocba.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL triggers that keep the audit log and the snapshots append-only. */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("append-only table (audit log, snapshots): " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
