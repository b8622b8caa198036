package io.lambda2azure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a conversion's files so that a failed run leaves no half-written output: every file is first
 * written completely into a staging directory beside the output, and only then moved into place, each
 * with an atomic rename. If anything fails before the moves, the output directory is untouched.
 */
final class OutputWriter {

    private OutputWriter() {
    }

    static void write(Map<String, String> files, Path outputDirectory) throws IOException {
        Path out = outputDirectory.toAbsolutePath().normalize();
        Files.createDirectories(out);
        Path staging = Files.createTempDirectory(out, ".lambda2azure-");
        try {
            List<Path> staged = new ArrayList<>();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = staging.resolve(file.getKey()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("refusing to write outside the output directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                staged.add(target);
            }
            for (Path source : staged) {
                Path target = out.resolve(staging.relativize(source));
                Files.createDirectories(target.getParent());
                try {
                    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
