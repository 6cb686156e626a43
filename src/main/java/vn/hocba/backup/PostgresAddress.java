package vn.hocba.backup;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL database is, read from the application's JDBC URL
 * ({@code jdbc:postgresql://host:port/name?user=…}) and its configured user and password.
 */
record PostgresAddress(String host, int port, String database, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    static PostgresAddress of(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
        rest = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String database = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "";
        if (hostPort.contains(",")) {
            throw new IllegalArgumentException("Sao lưu cần một máy chủ PostgreSQL, URL có nhiều: " + jdbcUrl);
        }
        String host = hostPort.isEmpty() ? "localhost" : hostPort.replaceFirst(":\\d+$", "");
        int port = hostPort.matches(".*:\\d+$") ? Integer.parseInt(hostPort.replaceFirst(".*:", "")) : 5432;
        for (String parameter : query.split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("user") && (user == null || user.isEmpty())) {
                user = value;
            } else if (name.equals("password") && (password == null || password.isEmpty())) {
                password = value;
            }
        }
        return new PostgresAddress(host, port, database.isEmpty() ? user : database, user, password);
    }
}
