package governance.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A real Neo4j 5.26 Community database, embedded, with the Bolt connector on loopback.
 *
 * <p>Started by the Node side (src/neo4j-local) when NEO4J_URI is not set. Arguments:
 * {@code <home> <port> <pluginDir> [pageCache]}. Prints one line starting with
 * {@code NEO4J_READY} once Bolt accepts connections, and shuts down cleanly on SIGTERM or
 * when its standard input closes (so it never outlives the process that started it).
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalNeo4j <home> <port> <pluginDir> [pageCache, e.g. 256m]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path plugins = Path.of(args[2]).toAbsolutePath();
        String pageCache = args.length > 3 ? args[3] : "256m";

        Map<String, String> config = new HashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + port);
        config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
        // Local development store only: loopback, no auth. Production points NEO4J_URI at a real server.
        config.put("dbms.security.auth_enabled", "false");
        config.put("dbms.routing.enabled", "false");
        config.put("server.memory.pagecache.size", pageCache);
        config.put("server.directories.plugins", plugins.toString());
        // @neo4j/graphql 7 calls apoc.util.validatePredicate, apoc.util.validate, apoc.date.convertFormat.
        config.put("dbms.security.procedures.unrestricted", "apoc.*");
        config.put("dbms.security.procedures.allowlist", "apoc.*");
        config.put("db.transaction.timeout", "60s");
        // Enforce client transaction timeouts (QUERY_TIMEOUT_MS) within 100 ms, not the default 2 s.
        config.put("db.transaction.monitor.check.interval", "100ms");
        // A local store: stop within seconds rather than waiting the default 10s for idle clients.
        config.put("db.shutdown_transaction_end_timeout", "2s");
        config.put("internal.server.bolt.thread_pool_shutdown_wait_time", "1s");
        config.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        config.put("dbms.usage_report.enabled", "false");

        DatabaseManagementService service =
                new DatabaseManagementServiceBuilderImplementation(home).setConfigRaw(config).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = service.database("neo4j");
        String version = db.executeTransactionally(
                "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
                Map.of(),
                result -> (String) result.next().get("v"));
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + version);
        System.out.flush();

        Thread stdinWatcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // Nothing is sent on stdin; we only wait for it to close.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, same as EOF.
            }
            System.exit(0);
        }, "stdin-watcher");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();
        stopped.await();
    }
}
