package io.lambda2azure.parsers.corpus;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer oracle: AWS's own SAM translator turned each SAM input of the corpus into plain CloudFormation
 * ({@code sam-translator-expected}). Reading the SAM input and reading what the translator made of it must
 * give the same functions, with the same runtime, handler, memory, timeout, environment variable names and
 * event source kinds. The plain reading exercises the other half of the reader: functions, event source
 * mappings, permissions, notifications, rules and API Gateway bodies instead of SAM's shortcuts.
 */
class PeerOracleTest {

    /**
     * Differences that are not the reader's fault, each with the reason. The test fails when one of these
     * no longer occurs (so the list only shrinks) and when any other difference appears.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = new TreeMap<>(Map.ofEntries(
    ));

    @Test
    void samInputsAndTheirTranslationsDescribeTheSameFunctions() throws Exception {
        Path inputs = Corpus.root().resolve("sam-translator");
        Path outputs = Corpus.root().resolve("sam-translator-expected");
        Map<String, String> differences = new TreeMap<>();
        int compared = 0;
        for (Path input : Corpus.templates("sam-translator")) {
            String base = input.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Path output = outputs.resolve(base + ".json");
            if (!Files.exists(output)) {
                continue;
            }
            ServerlessApp sam;
            try {
                sam = CloudFormationReader.read(input);
            } catch (InvalidInputException e) {
                continue; // an invalid input; CorpusTest checks that it is rejected for the right reason
            }
            ServerlessApp plain;
            try {
                plain = CloudFormationReader.read(output);
            } catch (InvalidInputException e) {
                differences.put(base + " translation rejected", e.problems().get(0).message());
                continue;
            }
            compared++;
            compare(base, sam, plain, differences);
        }
        assertThat(compared).as("pairs compared").isGreaterThan(400);

        Map<String, String> unexpected = new TreeMap<>(differences);
        unexpected.keySet().removeAll(KNOWN_DIFFERENCES.keySet());
        Set<String> gone = new TreeSet<>(KNOWN_DIFFERENCES.keySet());
        gone.removeAll(differences.keySet());
        assertThat(unexpected).as("differences between SAM inputs and their translations (%d pairs compared)",
                compared).isEmpty();
        assertThat(gone).as("known differences that no longer occur: remove them from KNOWN_DIFFERENCES")
                .isEmpty();
    }

    private static void compare(String template, ServerlessApp sam, ServerlessApp plain,
                                Map<String, String> differences) {
        Set<String> samIds = sam.functions().stream().map(Function::logicalId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> plainIds = plain.functions().stream().map(Function::logicalId).collect(Collectors.toCollection(TreeSet::new));
        if (!samIds.equals(plainIds)) {
            differences.put(template + " functions", samIds + " vs " + plainIds);
            return;
        }
        for (Function s : sam.functions()) {
            Function p = plain.function(s.logicalId()).orElseThrow();
            String prefix = template + " " + s.logicalId() + " ";
            same(prefix + "runtime", s.runtime(), p.runtime(), differences);
            same(prefix + "handler", s.handler(), p.handler(), differences);
            same(prefix + "memory", s.memorySize(), p.memorySize(), differences);
            same(prefix + "timeout", s.timeout(), p.timeout(), differences);
            if (!new TreeSet<>(s.environment().keySet()).equals(new TreeSet<>(p.environment().keySet()))) {
                differences.put(prefix + "environment", new TreeSet<>(s.environment().keySet()) + " vs "
                        + new TreeSet<>(p.environment().keySet()));
            }
            Set<EventKind> samKinds = kinds(s.events());
            Set<EventKind> plainKinds = kinds(p.events());
            if (!samKinds.equals(plainKinds)) {
                differences.put(prefix + "events", samKinds + " vs " + plainKinds);
            }
        }
    }

    private static Set<EventKind> kinds(List<EventSource> events) {
        return events.stream().map(EventSource::kind).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void same(String key, Optional<Expr> sam, Optional<Expr> plain, Map<String, String> differences) {
        if (!sam.equals(plain)) {
            differences.put(key, sam.map(Expr::toString).orElse("(none)") + " vs "
                    + plain.map(Expr::toString).orElse("(none)"));
        }
    }
}
