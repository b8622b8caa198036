package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.hcl.Body;
import io.lambda2azure.parsers.hcl.HclJson;
import io.lambda2azure.parsers.hcl.HclReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and parses the files of one Terraform module: a directory's {@code .tf} and {@code .tf.json} files
 * (not its subdirectories, as Terraform does), in name order, or one file. Every file is parsed even when
 * another has problems, so that all of them are reported together.
 */
final class Sources {

    /** Most files one module directory may have; far above any real configuration. */
    static final int MAX_FILES = 1_000;

    private Sources() {
    }

    /** A module's parsed files. */
    record Module(Path dir, List<Body> bodies) {
        Module {
            bodies = List.copyOf(bodies);
        }
    }

    /** Whether a path names a Terraform file by its extension. */
    static boolean isTerraformFile(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tf") || name.endsWith(".tf.json");
    }

    /** Whether a directory holds at least one Terraform file. */
    static boolean isTerraformDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.anyMatch(f -> isTerraformFile(f) && Files.isRegularFile(f));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Parses a directory's Terraform files, or one file.
     *
     * @param path     a directory or a {@code .tf}/{@code .tf.json} file
     * @param problems where problems go; parsing goes on after a file with problems
     * @return the module, with the files that parsed
     */
    static Module load(Path path, List<Problem> problems) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listed = Files.list(path)) {
                files = listed.filter(f -> isTerraformFile(f) && Files.isRegularFile(f)).sorted().limit(MAX_FILES + 1L)
                        .toList();
            } catch (IOException e) {
                problems.add(new Problem(new SourceLocation(path.toString(), 0, 0), "the directory cannot be read: "
                        + e.getMessage()));
                return new Module(path, List.of());
            }
            if (files.isEmpty()) {
                problems.add(new Problem(new SourceLocation(path.toString(), 0, 0), "the directory has no .tf or"
                        + " .tf.json file; expected a Terraform configuration"));
            }
            if (files.size() > MAX_FILES) {
                problems.add(new Problem(new SourceLocation(path.toString(), 0, 0), "the directory has more than "
                        + MAX_FILES + " Terraform files; configurations that large are not read"));
                files = files.subList(0, MAX_FILES);
            }
            List<Body> bodies = new ArrayList<>();
            for (Path file : files) {
                parse(file, problems, bodies);
            }
            return new Module(path, bodies);
        }
        if (!Files.exists(path)) {
            problems.add(new Problem(new SourceLocation(path.toString(), 0, 0), "no such file or directory"));
            return new Module(path.getParent() == null ? Path.of("") : path.getParent(), List.of());
        }
        List<Body> bodies = new ArrayList<>();
        parse(path, problems, bodies);
        return new Module(path.getParent() == null ? Path.of("") : path.getParent(), bodies);
    }

    private static void parse(Path file, List<Problem> problems, List<Body> into) {
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                into.add(JsonBodies.configuration(file.toString(), HclJson.read(file)));
            } else {
                into.add(HclReader.read(file).body());
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
    }
}
