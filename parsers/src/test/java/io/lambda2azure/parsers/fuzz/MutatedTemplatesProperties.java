package io.lambda2azure.parsers.fuzz;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: whatever is done to a valid template (two small ones and every example's SAM template: cut
 * anywhere, bytes replaced, lines swapped), the reader either reads it or refuses it with located problems.
 * Nothing else may escape.
 */
class MutatedTemplatesProperties {

    private static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: {Type: String, Default: dev, AllowedValues: [dev, prod]}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Mappings:
              Sizes: {dev: {Memory: 256}, prod: {Memory: 1024}}
            Globals:
              Function:
                Runtime: python3.12
                Timeout: 30
                Environment: {Variables: {STAGE: !Ref Stage}}
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties: {VisibilityTimeout: 60}
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  CodeUri: src/
                  MemorySize: !FindInMap [Sizes, !Ref Stage, Memory]
                  Policies: [SQSPollerPolicy: {QueueName: !GetAtt Orders.QueueName}]
                  Events:
                    Queue: {Type: SQS, Properties: {Queue: !GetAtt Orders.Arn, BatchSize: 10}}
                    Api: {Type: Api, Properties: {Path: '/orders/{id}', Method: get}}
                    Nightly: {Type: Schedule, Properties: {Schedule: 'cron(0 2 * * ? *)'}}
                  Tags:
                    Name: !Sub '${AWS::StackName}-worker-${Stage}'
                    Size: !If [IsProd, !Join ['-', [big, !Select [0, !Split [',', 'a,b']]]], small]
            Outputs:
              Url: {Value: !Sub 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/'}
            """;

    private static final String JSON = """
            {"Resources": {
              "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
                "Runtime": "nodejs20.x", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                "Code": {"ZipFile": {"Fn::Join": ["\\n", ["exports.handler = async () => 1;"]]}}}},
              "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [
                {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
              "Map": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                "FunctionName": {"Ref": "Fn"}, "EventSourceArn": {"Fn::GetAtt": ["Q", "Arn"]}}},
              "Q": {"Type": "AWS::SQS::Queue"}}}
            """;

    /** The two small templates above and the SAM template of every example of the repository. */
    private static final List<String> SEEDS = seeds();

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(List.of(SAM, JSON));
        // Surefire passes the repository root as lambda2azure.root; from an IDE, it is the parent of parsers/.
        String root = System.getProperty("lambda2azure.root");
        Path examples = (root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent()).resolve("examples");
        try (Stream<Path> dirs = Files.list(examples)) {
            for (Path template : dirs.map(d -> d.resolve("template.yaml")).filter(Files::isRegularFile).sorted()
                    .toList()) {
                seeds.add(Files.readString(template));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(seeds);
    }

    @Example
    void theSeedsThemselvesAreValid() throws InvalidInputException {
        assertThat(SEEDS).as("the examples' templates are seeds too").hasSizeGreaterThanOrEqualTo(2 + 9);
        for (String seed : SEEDS) {
            assertThat(CloudFormationReader.parse(seed.startsWith("{") ? "seed.json" : "seed.yaml", seed).functions())
                    .isNotEmpty();
        }
    }

    @Property(tries = 400)
    void truncatedTemplatesAreReadOrRefusedWithLocations(@ForAll("seed") String seed, @ForAll("fraction") double at) {
        readsOrRefuses(seed.substring(0, (int) (seed.length() * at)));
    }

    @Property(tries = 400)
    void templatesWithReplacedBytesAreReadOrRefusedWithLocations(@ForAll("mutations") String mutated) {
        readsOrRefuses(mutated);
    }

    @Property(tries = 200)
    void templatesWithSwappedLinesAreReadOrRefusedWithLocations(@ForAll("seed") String seed,
                                                                @ForAll("fraction") double a,
                                                                @ForAll("fraction") double b) {
        List<String> lines = new ArrayList<>(List.of(seed.split("\n", -1)));
        Collections.swap(lines, (int) (a * (lines.size() - 1)), (int) (b * (lines.size() - 1)));
        readsOrRefuses(String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> seed() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 5);
        return Combinators.combine(seed(), count, Arbitraries.longs()).as((seed, n, salt) -> {
            byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
            Random random = new Random(salt);
            byte[] alphabet = "{}[]:,-!&*|>'\"\\\n\t #%@`?~".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < n; i++) {
                bytes[random.nextInt(bytes.length)] = random.nextBoolean()
                        ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(128);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    private static void readsOrRefuses(String text) {
        String file = text.trim().startsWith("{") ? "mutated.json" : "mutated.yaml";
        try {
            CloudFormationReader.parse(file, text);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).isNotEmpty();
            e.problems().forEach(p -> {
                assertThat(p.location().file()).isEqualTo(file);
                assertThat(p.location().line()).as("problem %s is located", p).isPositive();
                assertThat(p.message()).isNotBlank();
            });
        }
    }
}
