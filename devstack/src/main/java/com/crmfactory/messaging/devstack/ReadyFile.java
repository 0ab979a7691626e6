package com.crmfactory.messaging.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A marker file that tells {@code ./omni} a process is ready. Written atomically (temp file + move) so
 * a reader never sees half a file; removed again on shutdown.
 */
final class ReadyFile {

    private final Path path;

    ReadyFile(Path path) {
        this.path = path;
    }

    static ReadyFile of(String path) {
        return path == null ? null : new ReadyFile(Path.of(path).toAbsolutePath());
    }

    void write(String content) {
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ready file " + path, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort on shutdown
        }
    }
}
