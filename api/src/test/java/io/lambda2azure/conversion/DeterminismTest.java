package io.lambda2azure.conversion;

import io.lambda2azure.Conversion;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.PlanKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Output is deterministic and changes only locally when the input changes locally. */
class DeterminismTest {

    private static final Path HTTP_API = Path.of("examples/http-api/template.yaml");

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void convertingTwiceGivesIdenticalBytes(PlanKind plan) throws Exception {
        Conversion first = Lambda2Azure.convert(HTTP_API, ConversionOptions.bicep(plan));
        Conversion second = Lambda2Azure.convert(HTTP_API, ConversionOptions.bicep(plan));
        assertThat(second.files()).isEqualTo(first.files());
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void addingAFunctionOnlyAddsLines(PlanKind plan, @TempDir Path dir) throws Exception {
        String template = Files.readString(HTTP_API);
        // Same folder name on both sides: the application name comes from it.
        Path before = dir.resolve("before/orders/template.yaml");
        Path after = dir.resolve("after/orders/template.yaml");
        Files.createDirectories(before.getParent());
        Files.createDirectories(after.getParent());
        Files.writeString(before, template);
        // A new function appended at the end of Resources (the template's last section is Outputs).
        String added = """
                  AuditFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: audit.handler
                      Runtime: python3.12
                      CodeUri: src/audit/
                      Events:
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hour)

                """;
        int outputs = template.indexOf("\nOutputs:");
        assertThat(outputs).isPositive();
        Files.writeString(after, template.substring(0, outputs + 1) + added + template.substring(outputs + 1));
        String bicepBefore = Lambda2Azure.convert(before, ConversionOptions.bicep(plan)).files().get("bicep/main.bicep")
                .replace(before.toString(), "TEMPLATE");
        String bicepAfter = Lambda2Azure.convert(after, ConversionOptions.bicep(plan)).files().get("bicep/main.bicep")
                .replace(after.toString(), "TEMPLATE");
        assertThat(removedLines(bicepBefore, bicepAfter))
                .as("lines of the old output that the new function changed or removed").isEmpty();
        assertThat(bicepAfter).contains("auditFunction");
    }

    /** Lines of {@code before} that are not kept, in order, in {@code after} (a longest common subsequence). */
    static List<String> removedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> removed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                removed.add((i + 1) + ": " + a[i]);
                i++;
            } else {
                j++;
            }
        }
        while (i < a.length) {
            removed.add((i + 1) + ": " + a[i++]);
        }
        return removed;
    }

    @Test
    void removedLinesFindsChangedLines() {
        assertThat(removedLines("a\nb\nc", "a\nx\nb\nc\nd")).isEmpty();
        assertThat(removedLines("a\nb\nc", "a\nB\nc")).containsExactly("2: b");
    }
}
