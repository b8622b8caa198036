package io.lambda2azure.cli;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The human-readable form of {@code inspect}: a summary of what was understood, section by section, in
 * input order. It is meant for reading, not parsing ({@code --json} is for that), but it is deterministic.
 */
final class InspectText {

    private static final int LABEL_WIDTH = 14;
    /** Longest value shown on one line; longer values (inline code, big maps) are cut. */
    private static final int MAX_VALUE_LENGTH = 160;

    private final StringBuilder out = new StringBuilder();

    private InspectText() {
    }

    /** The summary, with {@code \n} line ends and a final newline. */
    static String render(ServerlessApp app) {
        InspectText text = new InspectText();
        text.app(app);
        return text.out.toString();
    }

    private void app(ServerlessApp app) {
        line(0, app.source() + " (" + inputKind(app) + ")");
        app.description().ifPresent(d -> line(0, "Description: " + oneLine(d)));

        section("Parameters", app.parameters(), this::parameter);
        section("Conditions", app.conditions(), c -> line(1, c.name() + " = " + show(c.expression())));
        section("Functions", app.functions(), this::function);
        section("Resources", app.resources(), this::resource);
        section("Roles", app.roles(), this::role);
        section("Policies", app.policies(), this::policy);
        section("Outputs", app.outputs(), this::output);
        section("Unsupported resources", app.unsupportedResources(), this::unsupported);
        section("Unmapped properties", app.unmappedProperties(), this::unmapped);
    }

    private static String inputKind(ServerlessApp app) {
        return switch (app.inputKind()) {
            case SAM -> "AWS SAM";
            case CLOUDFORMATION -> "AWS CloudFormation";
            case TERRAFORM -> "Terraform";
        };
    }

    private <T> void section(String title, List<T> items, Consumer<T> each) {
        out.append('\n');
        if (items.isEmpty()) {
            line(0, title + ": none");
            return;
        }
        line(0, title + " (" + items.size() + "):");
        items.forEach(each);
    }

    // ---- parameters and outputs -------------------------------------------------------------------

    private void parameter(Parameter p) {
        List<String> facts = new ArrayList<>();
        facts.add(p.type());
        if (p.secret()) {
            facts.add("secret (NoEcho)");
        }
        p.defaultValue().ifPresent(v -> facts.add("default " + (p.secret() ? InspectJson.REDACTED : show(v))));
        if (!p.allowedValues().isEmpty()) {
            facts.add("allowed " + p.allowedValues().stream().map(InspectText::show)
                    .collect(Collectors.joining(" | ")));
        }
        line(1, p.name() + ": " + String.join(", ", facts));
    }

    private void output(Output o) {
        String export = o.exportName().map(e -> " (exported as " + show(e) + ")").orElse("");
        line(1, o.name() + " = " + show(o.value()) + export);
    }

    // ---- functions --------------------------------------------------------------------------------

    private void function(Function f) {
        line(1, f.logicalId() + " (" + f.resourceType() + ") at " + f.location());
        f.condition().ifPresent(c -> field("condition", c));
        f.name().ifPresent(n -> field("name", show(n)));
        f.runtime().ifPresent(r -> field("runtime", show(r)));
        f.handler().ifPresent(h -> field("handler", show(h)));
        f.code().ifPresent(c -> field("code", code(c)));
        f.memorySize().ifPresent(m -> field("memory", withUnit(m, "MB")));
        f.timeout().ifPresent(t -> field("timeout", withUnit(t, "s")));
        f.ephemeralStorage().ifPresent(s -> field("/tmp storage", withUnit(s, "MB")));
        f.architectures().ifPresent(a -> field("architecture", show(a)));
        if (!f.environment().isEmpty()) {
            field("environment", String.join(", ", f.environment().keySet()));
        }
        if (!f.layers().isEmpty()) {
            field("layers", f.layers().stream().map(InspectText::show).collect(Collectors.joining(", ")));
        }
        f.vpc().ifPresent(v -> field("vpc", vpc(v)));
        concurrency(f).ifPresent(c -> field("concurrency", c));
        List<String> aliases = new ArrayList<>();
        f.autoPublishAlias().ifPresent(a -> aliases.add(show(a) + " (auto-published)"));
        for (FunctionAlias alias : f.aliases()) {
            String name = show(alias.name());
            if (f.autoPublishAlias().map(InspectText::show).filter(name::equals).isEmpty()) {
                aliases.add(name);
            }
        }
        if (!aliases.isEmpty()) {
            field("aliases", String.join(", ", aliases));
        }
        f.deploymentPreference().flatMap(d -> d.type()).ifPresent(t -> field("deployment", show(t)));
        f.tracing().ifPresent(t -> field("tracing", show(t)));
        if (f.role().isPresent()) {
            field("role", show(f.role().get()));
        } else if (f.resourceType().equals("AWS::Serverless::Function")) {
            field("role", "generated by SAM");
        } else if (f.resourceType().contains("/")) {
            field("role", "generated by the module " + f.resourceType()); // terraform-aws-modules/lambda/aws
        }
        if (!f.policies().isEmpty()) {
            field("policies", f.policies().size() + ": " + f.policies().stream().map(InspectText::policyName)
                    .collect(Collectors.joining(", ")));
        }
        f.deadLetter().ifPresent(d -> field("dead letter", show(d.target())));
        if (f.events().isEmpty()) {
            field("events", "none");
        } else {
            line(2, "events (" + f.events().size() + "):");
            f.events().forEach(this::event);
        }
    }

    private static String code(FunctionCode code) {
        if (code instanceof FunctionCode.ZipArchive zip) {
            return "zip " + show(zip.location());
        } else if (code instanceof FunctionCode.InlineSource inline) {
            long lines = inline.source().asString().map(s -> s.lines().count()).orElse(0L);
            return lines > 0 ? "inline (" + lines + (lines == 1 ? " line)" : " lines)") : "inline";
        } else if (code instanceof FunctionCode.ContainerImage image) {
            return "image " + image.imageUri().map(InspectText::show).orElse("(built by SAM)");
        }
        throw new IllegalStateException("unknown code kind " + code.getClass().getName());
    }

    private static String vpc(VpcConfig vpc) {
        List<String> parts = new ArrayList<>();
        vpc.subnetIds().ifPresent(s -> parts.add("subnets " + show(s)));
        vpc.securityGroupIds().ifPresent(s -> parts.add("security groups " + show(s)));
        return parts.isEmpty() ? "yes" : String.join("; ", parts);
    }

    private static Optional<String> concurrency(Function f) {
        List<String> parts = new ArrayList<>();
        f.reservedConcurrency().ifPresent(r -> parts.add("reserved " + show(r)));
        f.provisionedConcurrency().ifPresent(p -> parts.add("provisioned " + show(p)));
        for (FunctionAlias alias : f.aliases()) {
            alias.provisionedConcurrency().filter(p -> f.provisionedConcurrency().isEmpty())
                    .ifPresent(p -> parts.add("provisioned " + show(p) + " on " + show(alias.name())));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    private static String policyName(FunctionPolicy p) {
        if (p instanceof FunctionPolicy.ManagedPolicy managed) {
            return show(managed.arnOrName());
        } else if (p instanceof FunctionPolicy.PolicyTemplate template) {
            return template.name();
        } else if (p instanceof FunctionPolicy.InlineStatements inline) {
            int n = inline.statements().size();
            return "inline (" + n + (n == 1 ? " statement)" : " statements)");
        } else if (p instanceof FunctionPolicy.Symbolic symbolic) {
            return show(symbolic.value());
        }
        throw new IllegalStateException("unknown policy kind " + p.getClass().getName());
    }

    // ---- events -----------------------------------------------------------------------------------

    private void event(EventSource e) {
        String condition = e.condition().map(c -> ", if " + c).orElse("");
        line(3, e.id() + ": " + e.kind().id() + " (" + InspectJson.id(e.origin()) + condition + ") at "
                + e.location());
        line(4, eventSettings(e));
    }

    private static String eventSettings(EventSource e) {
        if (e instanceof EventSource.Http h) {
            String api = switch (h.apiKind()) {
                case REST_API -> "REST API ";
                case HTTP_API -> "HTTP API ";
                case FUNCTION_URL -> "function URL";
            };
            if (h.apiKind() != HttpApiKind.FUNCTION_URL) {
                api += h.apiId().orElse("(implicit)");
            }
            String auth = h.auth().flatMap(a -> a.type().map(InspectText::show)
                    .or(() -> a.authorizer())).map(a -> ", auth " + a).orElse("");
            return h.method() + " " + h.path() + " on " + api + auth;
        } else if (e instanceof EventSource.Queue q) {
            return "queue " + show(q.queue()) + settings(q.settings());
        } else if (e instanceof EventSource.Topic t) {
            return "topic " + show(t.topic()) + t.filterPolicy().map(p -> ", filtered").orElse("")
                    + t.viaQueue().map(q -> ", via queue").orElse("");
        } else if (e instanceof EventSource.ObjectStorage o) {
            return "bucket " + show(o.bucket()) + ", events " + show(o.events())
                    + o.filter().map(f -> ", filter " + show(f)).orElse("");
        } else if (e instanceof EventSource.TableStream t) {
            return "stream " + show(t.stream()) + settings(t.settings());
        } else if (e instanceof EventSource.Stream s) {
            return "stream " + show(s.stream()) + settings(s.settings());
        } else if (e instanceof EventSource.Kafka k) {
            String cluster = k.managed()
                    ? "MSK cluster " + k.cluster().map(InspectText::show).orElse("?")
                    : "servers " + k.bootstrapServers().map(InspectText::show).orElse("?");
            return cluster + ", topics " + show(k.topics()) + settings(k.settings());
        } else if (e instanceof EventSource.Broker b) {
            return "broker " + show(b.broker()) + ", queues " + show(b.queues()) + settings(b.settings());
        } else if (e instanceof EventSource.DocumentDbStream d) {
            return "cluster " + show(d.cluster()) + ", database " + show(d.database())
                    + d.collection().map(c -> ", collection " + show(c)).orElse("") + settings(d.settings());
        } else if (e instanceof EventSource.Schedule s) {
            return "schedule " + show(s.expression())
                    + (s.scheduler() ? " (EventBridge Scheduler)" : "")
                    + s.timezone().map(t -> ", time zone " + show(t)).orElse("")
                    + s.enabled().map(v -> ", enabled " + show(v)).orElse("")
                    + s.input().map(i -> ", with input").orElse("");
        } else if (e instanceof EventSource.EventBusRule r) {
            return "bus " + r.eventBus().map(InspectText::show).orElse("default") + ", pattern "
                    + show(r.pattern());
        } else if (e instanceof EventSource.LogSubscription l) {
            return "log group " + show(l.logGroup()) + ", filter " + show(l.filterPattern());
        } else if (e instanceof EventSource.IotRule i) {
            return "sql " + show(i.sql());
        } else if (e instanceof EventSource.Cognito c) {
            return "user pool " + show(c.userPool()) + ", triggers "
                    + c.triggers().stream().map(InspectText::show).collect(Collectors.joining(", "));
        } else if (e instanceof EventSource.Alexa a) {
            return "skill " + a.skillId().map(InspectText::show).orElse("(any)");
        } else if (e instanceof EventSource.InvokePermission p) {
            return "principal " + show(p.principal()) + p.sourceArn().map(s -> ", source " + show(s)).orElse("");
        }
        throw new IllegalStateException("unknown event kind " + e.getClass().getName());
    }

    private static String settings(PollingSettings settings) {
        if (settings.values().isEmpty()) {
            return "";
        }
        return ", " + settings.values().entrySet().stream()
                .map(s -> s.getKey().propertyName() + " " + show(s.getValue()))
                .collect(Collectors.joining(", "));
    }

    // ---- resources and identity -------------------------------------------------------------------

    private void resource(DependencyResource r) {
        line(1, r.logicalId() + " (" + r.resourceType() + "): " + InspectJson.resourceKind(r)
                + r.condition().map(c -> ", if " + c).orElse("") + " at " + r.location());
    }

    private void role(Role r) {
        int statements = r.statements().size();
        int managed = r.managedPolicies().size();
        line(1, r.logicalId() + ": " + statements + (statements == 1 ? " statement, " : " statements, ")
                + managed + (managed == 1 ? " managed policy" : " managed policies") + " at " + r.location());
    }

    private void policy(ManagedPolicyResource p) {
        int statements = p.statements().size();
        line(1, p.logicalId() + " (" + p.type() + "): " + statements
                + (statements == 1 ? " statement" : " statements") + " at " + p.location());
    }

    private void unsupported(UnsupportedResource u) {
        line(1, u.location() + ": " + u.logicalId() + " (" + u.type() + "): " + oneLine(u.reason()));
        if (!u.nestedFunctionIds().isEmpty()) {
            line(2, "functions inside, not read: " + String.join(", ", u.nestedFunctionIds()));
        }
    }

    private void unmapped(UnmappedProperty u) {
        line(1, u.location() + ": " + u.resourceId() + " (" + u.resourceType() + ") " + u.path() + " = "
                + show(u.value()));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A value for reading: a string literal as its text, anything else in its compact notation. */
    static String show(Expr expr) {
        String text;
        if (expr instanceof Expr.ListExpr list && !list.items().isEmpty()
                && list.items().stream().allMatch(item -> item instanceof Expr.StringLiteral)) {
            text = list.items().stream().map(item -> item.asString().orElseThrow())
                    .collect(Collectors.joining(", "));
        } else {
            text = expr.asString().orElseGet(expr::toString);
        }
        return abbreviate(oneLine(text));
    }

    private static String withUnit(Expr value, String unit) {
        return value instanceof Expr.NumberLiteral ? show(value) + " " + unit : show(value);
    }

    private void field(String label, String value) {
        StringBuilder padded = new StringBuilder(label).append(':');
        do {
            padded.append(' ');
        } while (padded.length() < LABEL_WIDTH);
        line(2, padded + value);
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text.stripTrailing()).append('\n');
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 3) + "...";
    }
}
