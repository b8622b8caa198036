package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM's {@code Globals} section and its merge rules, as the SAM translator applies them
 * (samtranslator/plugins/globals/globals.py): a value set on the resource wins over a primitive or
 * intrinsic global; two mappings are merged key by key, recursively; two lists are concatenated, globals
 * first; values of different shapes take the resource's. Merged values keep the location where they were
 * written, so a property that comes from {@code Globals} points into {@code Globals}.
 */
final class SamGlobals {

    static final SamGlobals NONE = new SamGlobals(Map.of(), null);

    /** The sections SAM accepts, from the translator's own error message. */
    private static final Set<String> SECTIONS = Set.of("Api", "CapacityProvider", "Function", "HttpApi",
            "LayerVersion", "SimpleTable", "StateMachine", "WebSocketApi");

    /** The Function properties SAM accepts in Globals, from the translator's own error message. */
    private static final Set<String> FUNCTION_PROPERTIES = Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue",
            "Description", "MemorySize", "Timeout", "VpcConfig", "Environment", "Tags", "PropagateTags", "Tracing",
            "KmsKeyArn", "AutoPublishAlias", "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference",
            "RolePath", "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "AssumeRolePolicyDocument", "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn",
            "Architectures", "SnapStart", "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig",
            "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn", "TenancyConfig", "DurableConfig",
            "CapacityProviderConfig", "FunctionScalingConfig", "PublishToLatestPublished", "VersionDeletionPolicy");

    /** The Api properties SAM accepts in Globals, from the translator's own error message. */
    private static final Set<String> API_PROPERTIES = Set.of("Auth", "Name", "DefinitionUri", "CacheClusterEnabled",
            "CacheClusterSize", "MergeDefinitions", "Variables", "EndpointConfiguration", "MethodSettings",
            "BinaryMediaTypes", "MinimumCompressionSize", "Cors", "GatewayResponses", "AccessLogSetting",
            "CanarySetting", "TracingEnabled", "OpenApiVersion", "Domain", "AlwaysDeploy", "PropagateTags",
            "SecurityPolicy", "EndpointAccessMode");

    private final Map<String, Node.Mapping> sections;

    /** Where a section is written, if the template has it. */
    java.util.Optional<SourceLocation> location(String section) {
        return java.util.Optional.ofNullable(sections.get(section)).map(Node.Mapping::location);
    }

    /** Where invalid IgnoreGlobals attributes are reported (null for {@link #NONE}, which has no globals). */
    private final Problems problems;

    private SamGlobals(Map<String, Node.Mapping> sections, Problems problems) {
        this.sections = sections;
        this.problems = problems;
    }

    static SamGlobals read(Node globals, SourceLocation at, Problems problems) {
        if (globals == null) {
            return NONE;
        }
        if (!(globals instanceof Node.Mapping mapping) || Intrinsics.isIntrinsic(globals)
                || mapping.entries().isEmpty()) {
            problems.add(at, "'Globals' section is invalid: it must be a non-empty mapping of resource kinds"
                    + " (Function, Api, HttpApi, ...) to properties");
            return NONE;
        }
        Map<String, Node.Mapping> sections = new LinkedHashMap<>();
        mapping.entries().forEach((section, value) -> {
            SourceLocation keyAt = mapping.keyLocation(section);
            if (!SECTIONS.contains(section)) {
                problems.add(keyAt, "'Globals' section is invalid: '" + section + "' is not supported; expected one of "
                        + String.join(", ", SECTIONS.stream().sorted().toList()));
                return;
            }
            if (!(value instanceof Node.Mapping properties) || Intrinsics.isIntrinsic(value)) {
                problems.add(value.location(), "'Globals' section is invalid: " + section
                        + " must be a mapping of properties; found " + Node.describe(value));
                return;
            }
            Set<String> allowed = "Function".equals(section) ? FUNCTION_PROPERTIES
                    : "Api".equals(section) ? API_PROPERTIES : null;
            if (allowed != null) {
                properties.entries().keySet().stream().filter(k -> !allowed.contains(k)).forEach(k ->
                        problems.add(properties.keyLocation(k), "'Globals' section is invalid: '" + k
                                + "' is not a supported property of '" + section + "'"));
            }
            sections.put(section, properties);
        });
        return new SamGlobals(sections, problems);
    }

    /**
     * The resource's properties with the globals of its kind merged in.
     *
     * @param section        {@code Function}, {@code Api}, ...
     * @param properties     the resource's own properties
     * @param ignoreGlobals  the resource's {@code IgnoreGlobals} attribute, if any ({@code '*'} or a list)
     */
    Node.Mapping apply(String section, Node.Mapping properties, Node ignoreGlobals) {
        Node.Mapping global = sections.get(section);
        if (global == null) {
            return properties;
        }
        if (ignoreGlobals instanceof Node.Scalar s && "*".equals(s.text())) {
            return properties;
        }
        if (ignoreGlobals instanceof Node.Sequence seq) {
            Map<String, Node> kept = new LinkedHashMap<>(global.entries());
            Map<String, SourceLocation> keys = new LinkedHashMap<>(global.keyLocations());
            for (Node item : seq.items()) {
                if (item instanceof Node.Scalar s && global.entries().containsKey(s.text())) {
                    kept.remove(s.text());
                    keys.remove(s.text());
                } else {
                    // SAM: "Resource X has invalid resource attribute 'IgnoreGlobals' on item 'Y'."
                    problems.add(item.location(), "IgnoreGlobals names " + (item instanceof Node.Scalar s
                            ? "'" + s.text() + "'" : Node.describe(item)) + ", which is not a property of Globals."
                            + section + "; expected '*' or a list of the properties Globals." + section + " sets");
                }
            }
            global = new Node.Mapping(kept, keys, global.location());
        } else if (ignoreGlobals != null) {
            // SAM: "Resource X has invalid resource attribute 'IgnoreGlobals'."
            problems.add(ignoreGlobals.location(), "IgnoreGlobals must be '*' or a list of the properties"
                    + " Globals." + section + " sets; found " + (ignoreGlobals instanceof Node.Scalar s
                    ? "'" + s.text() + "'" : Node.describe(ignoreGlobals)));
        }
        return (Node.Mapping) merge(global, properties);
    }

    private static Node merge(Node global, Node local) {
        boolean globalMap = global instanceof Node.Mapping && !Intrinsics.isIntrinsic(global);
        boolean localMap = local instanceof Node.Mapping && !Intrinsics.isIntrinsic(local);
        if (globalMap && localMap) {
            Node.Mapping g = (Node.Mapping) global;
            Node.Mapping l = (Node.Mapping) local;
            Map<String, Node> entries = new LinkedHashMap<>(g.entries());
            Map<String, SourceLocation> keys = new LinkedHashMap<>(g.keyLocations());
            l.entries().forEach((key, value) -> {
                Node merged = entries.containsKey(key) ? merge(entries.get(key), value) : value;
                entries.put(key, merged);
                if (!g.entries().containsKey(key) || merged == value) {
                    keys.put(key, l.keyLocation(key));
                }
            });
            return new Node.Mapping(entries, keys, l.location());
        }
        if (global instanceof Node.Sequence g && local instanceof Node.Sequence l) {
            List<Node> items = new ArrayList<>(g.items());
            items.addAll(l.items());
            return new Node.Sequence(items, l.location());
        }
        return local;
    }
}
