package org.vendinghub.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A mariadbd left running on our data directory by a JVM that was killed (no shutdown hook runs on SIGKILL). It holds
 * the InnoDB files locked, so the next start would fail: stop it first. Only a process whose command line names our
 * own data directory is touched.
 */
final class OrphanedServer {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private OrphanedServer() {
    }

    static void stopIfRunning(Path pidFile, Path dataDir) {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dataDir.toString())).orElse(false));
        orphan.ifPresent(OrphanedServer::stop);
    }

    private static void stop(ProcessHandle process) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        process.destroy(); // SIGTERM: mariadbd shuts down cleanly
        try {
            exit.get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // it went away on its own
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
