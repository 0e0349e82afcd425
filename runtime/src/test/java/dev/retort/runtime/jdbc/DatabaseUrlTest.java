package dev.retort.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.ErrorCode;
import dev.retort.RetortException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void sqlalchemyPostgresFormsBecomeJdbc() {
        for (String scheme : new String[] {"postgresql", "postgres", "postgresql+asyncpg", "postgresql+psycopg2"}) {
            DatabaseUrl url = DatabaseUrl.parse(scheme + "://user:p%40ss@db.example:5433/app?sslmode=require");
            assertEquals(DatabaseUrl.Kind.POSTGRESQL, url.kind());
            assertEquals("jdbc:postgresql://db.example:5433/app?sslmode=require", url.jdbcUrl());
            assertEquals("user", url.user());
            assertEquals("p@ss", url.password());
        }
    }

    @Test
    void postgresWithoutUserOrPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/app");
        assertEquals("jdbc:postgresql://localhost/app", url.jdbcUrl());
        assertNull(url.user());
    }

    @Test
    void sqliteForms() {
        assertEquals("jdbc:sqlite:app.db", DatabaseUrl.parse("sqlite:///app.db").jdbcUrl());
        assertEquals("jdbc:sqlite:/var/lib/app.db", DatabaseUrl.parse("sqlite:////var/lib/app.db").jdbcUrl());
        assertEquals("jdbc:sqlite::memory:", DatabaseUrl.parse("sqlite://").jdbcUrl());
        assertEquals("jdbc:sqlite:app.db", DatabaseUrl.parse("sqlite+aiosqlite:///app.db").jdbcUrl());
        assertEquals(DatabaseUrl.Kind.SQLITE, DatabaseUrl.parse("jdbc:sqlite:x.db").kind());
    }

    @Test
    void separateCredentialsWin() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://a:b@h/d", "c", "d");
        assertEquals("c", url.user());
        assertEquals("d", url.password());
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://bob:hunter2@h:5432/d");
        assertFalse(url.toString().contains("hunter2"));
        assertEquals("jdbc:postgresql://h:5432/d (user bob)", url.toString());
        assertFalse(DatabaseUrl.parse("jdbc:postgresql://h/d?user=x&password=hunter2").toString().contains("hunter2"));
    }

    @Test
    void badUrlsAreBadInput() {
        for (String bad : new String[] {"", "nonsense", "oracle://h/d", "postgresql://", "postgresql://h:99999/d",
                "postgresql://h:5432", "sqlite:relative.db", "jdbc:oracle:thin:@h:1521/d"}) {
            var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(bad), bad);
            assertEquals(ErrorCode.BAD_URL, e.code(), bad);
        }
    }

    @Test
    void badUrlMessageHidesThePassword() {
        var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse("postgresql://u:hunter2@h:x/d"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    /** SQLAlchemy's split: the password ends at the first '@' and may hold '/', '?' and ':'. */
    @Test
    void aPasswordMayHoldReservedCharactersExceptTheAtSign() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:ab/c?d:e@127.0.0.1:5432/db");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/db", url.jdbcUrl());
        assertEquals("ab/c?d:e", url.password());
        var at = assertThrows(RetortException.class, () -> DatabaseUrl.parse("postgresql://u:ab@cd@127.0.0.1/db"));
        assertEquals("cannot use database URL postgresql://…: an '@' in the user name or password must be written %40"
                + " (and a '/' in the user name %2F)", at.getMessage());
        assertEquals("ab@cd", DatabaseUrl.parse("postgresql://u:ab%40cd@127.0.0.1/db").password());
    }

    @Test
    void credentialsLeaveTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5433/db?user=x&password=p%2Fw&sslmode=require"
                + "&sslpassword=k");
        assertEquals("jdbc:postgresql://h:5433/db?sslmode=require", url.jdbcUrl());
        assertEquals("x", url.user());
        assertEquals("p/w", url.password());
        assertEquals(java.util.Map.of("sslpassword", "k"), url.secrets());
        assertEquals("jdbc:postgresql://h:5433/db?sslmode=require (user x)", url.toString());
        assertEquals("jdbc:postgresql:app", DatabaseUrl.parse("jdbc:postgresql:app").jdbcUrl());
        DatabaseUrl sqlite = DatabaseUrl.parse("jdbc:sqlite:app.db?password=k&foreign_keys=on");
        assertEquals("jdbc:sqlite:app.db?foreign_keys=on", sqlite.jdbcUrl());
        assertEquals("k", sqlite.password());
    }

    @Test
    void badEscapesPortsAndMissingDatabasesAreBadInputWithoutTheUrlsText() {
        for (String bad : new String[] {"postgresql://u%zz:p@h/db", "postgresql://u:p%4@h/db", "postgresql://u:p@h/d%zz",
                "postgresql://u:secret/db", "jdbc:postgresql://", "jdbc:postgresql:", "jdbc:postgresql://h/",
                "jdbc:postgresql://h:0/db", "jdbc:postgresql://h/db?password=secret%g1", "postgresql://u:p\u0007@h/db"}) {
            var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(bad), bad);
            assertEquals(ErrorCode.BAD_URL, e.code(), bad);
            assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("zz") || e.getMessage().contains("u:"),
                    e.getMessage());
        }
    }

    @Test
    void textThatMayBeAUrlIsShownWithoutItsPassword() {
        assertEquals("postgresql://u:***@h/db", DatabaseUrl.shown("postgresql://u:ab/cd@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***", DatabaseUrl.shown("jdbc:postgresql://h/db?user=u&password=x"));
        assertEquals("jdbc:sqlite:a.db?password=***", DatabaseUrl.shown("jdbc:sqlite:a.db?password=x"));
        assertEquals("head", DatabaseUrl.shown("head"));
        assertEquals("p", DatabaseUrl.shown("p"));
    }

    /** Every form MySQL's and MariaDB's users write reaches MariaDB Connector/J as jdbc:mariadb:, credentials apart. */
    @Test
    void mysqlFormsBecomeConnectorJUrls() {
        for (String scheme : new String[] {"mysql", "mysql+pymysql", "mysql+mysqldb", "mysql+mysqlconnector",
                "mysql+aiomysql", "mysql+asyncmy", "mariadb", "mariadb+mariadbconnector"}) {
            DatabaseUrl url = DatabaseUrl.parse(scheme + "://app:p%40ss@db.example:3307/shop?charset=utf8mb4");
            assertEquals(DatabaseUrl.Kind.MYSQL, url.kind(), scheme);
            assertEquals("jdbc:mariadb://db.example:3307/shop", url.jdbcUrl(), scheme);
            assertEquals("app", url.user());
            assertEquals("p@ss", url.password());
        }
        assertEquals("jdbc:mariadb://[::1]/shop", DatabaseUrl.parse("mysql://app@[::1]/shop").jdbcUrl());
    }

    /**
     * jdbc:mysql: is rewritten, not given permitMysqlScheme: with MySQL's own driver also on the
     * class path, DriverManager would pick either for jdbc:mysql:.
     */
    @Test
    void jdbcMysqlAndMariadbUrlsLoseTheirCredentials() {
        DatabaseUrl mysql = DatabaseUrl.parse("jdbc:mysql://h:3306/shop?user=app&password=p%2Fw&useSSL=false");
        assertEquals(DatabaseUrl.Kind.MYSQL, mysql.kind());
        assertEquals("jdbc:mariadb://h:3306/shop?useSSL=false", mysql.jdbcUrl());
        assertEquals("app", mysql.user());
        assertEquals("p/w", mysql.password());
        DatabaseUrl stores = DatabaseUrl.parse("jdbc:mariadb://h/shop?sslMode=verify-full&keyStore=/k.p12"
                + "&keyStorePassword=ks1&trustStorePassword=ts1");
        assertEquals("jdbc:mariadb://h/shop?sslMode=verify-full&keyStore=/k.p12", stores.jdbcUrl());
        assertEquals(Map.of("keyStorePassword", "ks1", "trustStorePassword", "ts1"), stores.secrets());
        DatabaseUrl replicated = DatabaseUrl.parse("jdbc:mysql:replication://app:pw@h1:3306,h2/shop");
        assertEquals("jdbc:mariadb:replication://h1:3306,h2/shop", replicated.jdbcUrl());
        assertEquals("pw", replicated.password());
        assertEquals("jdbc:mariadb://h/shop (user app)", DatabaseUrl.parse("jdbc:mariadb://h/shop?user=app").toString());
    }

    /** The Python drivers' TLS settings become Connector/J's sslMode; a CA alone means the server is checked. */
    @Test
    void pythonTlsSettingsBecomeSslMode() {
        String base = "mysql+pymysql://app@h/shop?";
        assertEquals("jdbc:mariadb://h/shop?serverSslCert=/etc/ca.pem&sslMode=verify-ca",
                DatabaseUrl.parse(base + "ssl_ca=/etc/ca.pem").jdbcUrl());
        assertEquals("jdbc:mariadb://h/shop?serverSslCert=/ca.pem&sslMode=verify-full",
                DatabaseUrl.parse(base + "ssl_ca=/ca.pem&ssl_verify_identity=true").jdbcUrl());
        assertEquals("jdbc:mariadb://h/shop?serverSslCert=/ca.pem&sslMode=trust",
                DatabaseUrl.parse(base + "ssl_ca=/ca.pem&ssl_verify_cert=false").jdbcUrl());
        Map<String, String> modes = Map.of("DISABLED", "disable", "REQUIRED", "trust", "VERIFY_CA", "verify-ca",
                "verify_identity", "verify-full");
        modes.forEach((mode, expected) -> assertEquals("jdbc:mariadb://h/shop?sslMode=" + expected,
                DatabaseUrl.parse("mysql+mysqldb://app@h/shop?ssl_mode=" + mode).jdbcUrl(), mode));
        assertEquals("jdbc:mariadb://h/shop?sslMode=disable", DatabaseUrl.parse(base + "ssl_disabled=1").jdbcUrl());
        assertEquals("jdbc:mariadb://h/shop?sslMode=trust", DatabaseUrl.parse("mariadb://app@h/shop?ssl=true").jdbcUrl());
        assertEquals("jdbc:mariadb://h/shop?sslMode=verify-full", DatabaseUrl.parse(base + "sslMode=verify-full").jdbcUrl(),
                "Connector/J's own options pass on");
    }

    @Test
    void pythonTimeoutsAndUnixSocketsBecomeConnectorJOptions() {
        assertEquals("jdbc:mariadb://h/shop?connectTimeout=10000&socketTimeout=30000",
                DatabaseUrl.parse("mysql+pymysql://app@h/shop?connect_timeout=10&read_timeout=30").jdbcUrl());
        DatabaseUrl socket = DatabaseUrl.parse("mysql+pymysql://app:pw@/shop?unix_socket=/run/mysqld/mysqld.sock");
        assertEquals("jdbc:mariadb://localhost/shop?localSocket=/run/mysqld/mysqld.sock", socket.jdbcUrl());
        assertEquals("pw", socket.password());
    }

    /** A Python driver's setting Connector/J has no counterpart for is refused by name, never dropped. */
    @Test
    void pythonSettingsWithoutACounterpartAreRefusedByName() {
        Map<String, String> refused = Map.of(
                "ssl_cert=/c.pem", "the parameter ssl_cert is not Connector/J's; Connector/J takes a client certificate"
                        + " as a key store: keyStore=/path/client.p12&keyStorePassword=… (openssl pkcs12 -export makes"
                        + " one from the certificate and key)",
                "init_command=SET%20x", "the parameter init_command is not Connector/J's; write Connector/J's initSql=…",
                "ssl_mode=PREFERRED", "the parameter ssl_mode must be DISABLED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY"
                        + " (Connector/J has no PREFERRED: it uses TLS or it does not)",
                "client_flag=2", "the parameter client_flag is the Python driver's and MariaDB Connector/J has no such"
                        + " setting; drop it, or write Connector/J's own"
                        + " (https://mariadb.com/docs/connectors/mariadb-connector-j/about-mariadb-connector-j)",
                "connect_timeout=soon", "the parameter connect_timeout is not a whole number of seconds",
                "ssl_verify_cert=maybe", "the parameter ssl_verify_cert must be true or false");
        refused.forEach((query, why) -> {
            var e = assertThrows(RetortException.class,
                    () -> DatabaseUrl.parse("mysql+pymysql://app:hunter2@h/shop?" + query), query);
            assertEquals(ErrorCode.BAD_URL, e.code());
            assertEquals("cannot use database URL mysql+pymysql://…: " + why, e.getMessage());
        });
    }

    @Test
    void badMysqlUrlsAreOneLineWithoutThePassword() {
        Map<String, String> refused = Map.of(
                "mysql://app:hunter2@h/", "a MySQL URL needs a database name (mysql://user@host:3306/database): Retort"
                        + " keeps its version table there",
                "mysql://app:hunter2@/shop", "a MySQL URL needs a host: mysql://user:password@host:3306/database (or,"
                        + " for a Unix socket, mysql://user@/database?unix_socket=/run/mysqld/mysqld.sock)",
                "mysql://app:hunter2@h:99999/shop", "the text after a host's ':' is not a port number (1-65535); write"
                        + " ':' and '/' in a user name or password as %3A and %2F",
                "mysql://app:hun@ter2@h/shop", "an '@' in the user name or password must be written %40 (and a '/' in"
                        + " the user name %2F)",
                "mysql://app:hunter2%zz@h/shop", "the password has a '%' not followed by two hex digits; write '%'"
                        + " itself as %25");
        refused.forEach((url, why) -> {
            var e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(url), url);
            assertEquals("cannot use database URL mysql://…: " + why, e.getMessage());
            assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("ter2"), e.getMessage());
        });
        var jdbc = assertThrows(RetortException.class, () -> DatabaseUrl.parse("jdbc:mariadb:hunter2"));
        assertEquals("cannot use database URL jdbc:mariadb:…: write jdbc:mariadb://host:3306/database", jdbc.getMessage());
    }

    @Test
    void mysqlPasswordsAreNeverShown() {
        for (String text : new String[] {"mysql+pymysql://app:hunter2@h/shop", "jdbc:mysql://h/shop?password=hunter2",
                "jdbc:mariadb:replication://app:hunter2@h1,h2/shop", "jdbc:mysql://app:hunter2@h/shop",
                "jdbc:mariadb://h/shop?keyStorePassword=hunter2&trustStorePassword=hunter2"}) {
            DatabaseUrl url = DatabaseUrl.parse(text);
            assertFalse(url.toString().contains("hunter2") || url.jdbcUrl().contains("hunter2"), text);
            String shown = DatabaseUrl.shown(text);
            assertFalse(shown.contains("hunter2"), shown);
            assertTrue(shown.contains("***"), shown);
        }
        assertEquals("jdbc:mariadb:replication://app:***@h1,h2/shop",
                DatabaseUrl.shown("jdbc:mariadb:replication://app:hunter2@h1,h2/shop"));
    }

    /** The rewritten URLs open on a real MariaDB server (127.0.0.1:3306, root without a password). */
    @Test
    void mysqlUrlsConnectToMariadb() throws SQLException {
        for (String text : new String[] {"mysql+pymysql://root@127.0.0.1:3306/mysql?charset=utf8mb4",
                "jdbc:mysql://127.0.0.1/mysql?user=root", "mariadb://root@127.0.0.1/mysql?connect_timeout=5"}) {
            try (var connection = DatabaseUrl.parse(text).connect(); var s = connection.createStatement();
                    var r = s.executeQuery("SELECT DATABASE(), CURRENT_USER()")) {
                assertTrue(r.next(), text);
                assertEquals("mysql", r.getString(1), text);
                assertTrue(r.getString(2).startsWith("root@"), text);
            }
        }
    }

    /** Another database on the same server, options kept: what the test kit and check's scratch databases open. */
    @Test
    void aMysqlUrlNamesAnotherDatabase() {
        assertEquals("jdbc:mariadb://h:3307/other?connectTimeout=5000",
                DatabaseUrl.parse("mysql://u:p@h:3307/db?connect_timeout=5").withDatabase("other").jdbcUrl());
        assertEquals("jdbc:mariadb:replication://h1,h2/other",
                DatabaseUrl.parse("jdbc:mysql:replication://h1,h2/shop").withDatabase("other").jdbcUrl());
        assertEquals("p", DatabaseUrl.parse("mysql://u:p@h/db").withDatabase("other").password());
    }

    /** Connector/J's address=(…) host form: its user and password leave the URL as every other form's do. */
    @Test
    void theAddressFormKeepsNoPasswordInTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse(
                "jdbc:mariadb://address=(host=127.0.0.1)(port=3306)(user=root)(password=S3CRETpw)/db?connectTimeout=5");
        assertEquals("jdbc:mariadb://address=(host=127.0.0.1)(port=3306)/db?connectTimeout=5", url.jdbcUrl());
        assertEquals("root", url.user());
        assertEquals("S3CRETpw", url.password());
        assertTrue(!url.toString().contains("S3CRET"), url.toString());
        assertEquals("jdbc:mariadb://address=(host=h)(password=***)/db",
                DatabaseUrl.shown("jdbc:mariadb://address=(host=h)(password=S3CRETpw)/db"));
    }
}
