package io.lambda2azure.emitters.hostjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.json.StableJson;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code host.json} of a function app: the settings that apply to all its functions and that the
 * Functions host reads from the deployed package, not from the infrastructure. Written as
 * {@code {"version": "2.0", "functionTimeout": ..., <host settings>, "extensionBundle": ...}}, with the
 * same stable JSON layout as the reports.
 *
 * <ul>
 *   <li>{@code functionTimeout} when the app has one, as {@code hh:mm:ss}.</li>
 *   <li>The app's host settings, given by dotted path ({@code extensions.serviceBus.prefetchCount}), as nested
 *       objects, each level in the order its first path appears.</li>
 *   <li>{@code extensionBundle} for every runtime but {@code dotnet-isolated}, whose project references the
 *       binding extensions as NuGet packages instead.</li>
 * </ul>
 *
 * <p>host.json is part of the code package, so it cannot read deployment parameters or resource properties:
 * every value must be a literal.
 */
public final class HostJson {

    /**
     * The extension bundle of non-.NET apps and its version range: Learn's extension bundles page lists
     * {@code [4.*, 5.0.0)} (read like {@code [4.0.0, 5.0.0)}, every 4.x bundle, the host taking the newest) as
     * the active version, 3.x and older as deprecated, and says bundles are for non-.NET languages
     * (https://learn.microsoft.com/azure/azure-functions/extension-bundles; docs/azure-facts.md §1.8).
     */
    static final String EXTENSION_BUNDLE_ID = "Microsoft.Azure.Functions.ExtensionBundle";
    static final String EXTENSION_BUNDLE_VERSION = "[4.*, 5.0.0)";

    /**
     * .NET isolated apps get their extensions from NuGet packages
     * (https://learn.microsoft.com/azure/azure-functions/functions-bindings-register).
     */
    static final String DOTNET_ISOLATED = "dotnet-isolated";

    /** Keys this class writes itself; a host setting may not set them. */
    private static final Set<String> RESERVED = Set.of("version", "functionTimeout", "extensionBundle");

    private HostJson() {
    }

    /**
     * The app's {@code host.json}.
     *
     * @param app the function app
     * @return the JSON document, pretty-printed with a 2-space indent and a final newline
     * @throws IllegalArgumentException when a host setting's value is not a literal, its path is not a dotted
     *                                  path of names, it sets a key written here ({@code version},
     *                                  {@code functionTimeout}, {@code extensionBundle}), or two paths clash
     *                                  (one is a value where the other needs an object)
     */
    public static String render(FunctionApp app) {
        Objects.requireNonNull(app, "app");
        ObjectNode root = StableJson.object();
        // The host.json schema of Functions 2.x and later (https://learn.microsoft.com/azure/azure-functions/functions-host-json).
        root.put("version", "2.0");
        app.functionTimeoutSeconds().ifPresent(seconds -> root.put("functionTimeout", duration(app, seconds)));
        for (Map.Entry<String, Value> setting : app.hostSettings().entrySet()) {
            put(app, root, setting.getKey(), setting.getValue());
        }
        boolean dotnet = app.runtime().map(r -> r.name().equals(DOTNET_ISOLATED)).orElse(false);
        if (!dotnet) {
            ObjectNode bundle = root.putObject("extensionBundle");
            bundle.put("id", EXTENSION_BUNDLE_ID);
            bundle.put("version", EXTENSION_BUNDLE_VERSION);
        }
        return StableJson.write(root);
    }

    /** host.json's timespan {@code hh:mm:ss}; Lambda's limit (900 s) keeps it far below a day. */
    private static String duration(FunctionApp app, int seconds) {
        if (seconds <= 0 || seconds >= 24 * 3600) {
            throw new IllegalArgumentException("function app " + app.symbol() + " has a functionTimeout of " + seconds
                    + " s; host.json takes 1 s to 23:59:59");
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static void put(FunctionApp app, ObjectNode root, String path, Value value) {
        String[] names = path.split("\\.", -1);
        for (String name : names) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("host setting '" + path + "' of function app " + app.symbol()
                        + " is not a dotted path of names");
            }
        }
        if (RESERVED.contains(names[0])) {
            throw new IllegalArgumentException("host setting '" + path + "' of function app " + app.symbol()
                    + " sets " + names[0] + ", which host.json takes from the app itself");
        }
        ObjectNode parent = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            if (child == null) {
                parent = parent.putObject(names[i]);
            } else if (child instanceof ObjectNode object) {
                parent = object;
            } else {
                throw clash(app, path);
            }
        }
        String last = names[names.length - 1];
        if (parent.has(last)) {
            throw clash(app, path);
        }
        parent.set(last, literal(app, path, value));
    }

    private static IllegalArgumentException clash(FunctionApp app, String path) {
        return new IllegalArgumentException("host setting '" + path + "' of function app " + app.symbol()
                + " clashes with another host setting at the same place");
    }

    private static JsonNode literal(FunctionApp app, String path, Value value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Value.Text t) {
            return nodes.textNode(t.value());
        }
        if (value instanceof Value.Number n) {
            // One spelling per number (1.50 and 1.5 are the same setting), never in exponent notation.
            return nodes.numberNode(n.value().stripTrailingZeros());
        }
        if (value instanceof Value.Bool b) {
            return nodes.booleanNode(b.value());
        }
        if (value instanceof Value.Null) {
            return nodes.nullNode();
        }
        if (value instanceof Value.Array a) {
            ArrayNode array = StableJson.array();
            a.items().forEach(item -> array.add(literal(app, path, item)));
            return array;
        }
        if (value instanceof Value.Interpolation i && i.parts().stream().allMatch(p -> p instanceof Value.Text)) {
            StringBuilder text = new StringBuilder();
            i.parts().forEach(p -> text.append(((Value.Text) p).value()));
            return nodes.textNode(text.toString());
        }
        if (value instanceof Value.Obj o) {
            ObjectNode object = StableJson.object();
            o.entries().forEach((key, item) -> object.set(key, literal(app, path, item)));
            return object;
        }
        throw new IllegalArgumentException("host setting '" + path + "' of function app " + app.symbol() + " is "
                + describe(value) + "; host.json is part of the code package, not of the deployment, so only"
                + " literal values (text, numbers, booleans, null, arrays and objects of them) can go there");
    }

    /** What a non-literal value is, for the error message. */
    private static String describe(Value value) {
        if (value instanceof Value.Param p) {
            return "deployment parameter " + p.name();
        }
        if (value instanceof Value.Variable v) {
            return "named value " + v.name();
        }
        if (value instanceof Value.ResourceProperty r) {
            return "the " + r.attribute().name().toLowerCase(Locale.ROOT) + " of resource " + r.resource();
        }
        if (value instanceof Value.Context c) {
            return "the deployment's " + c.value().name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Value.Interpolation) {
            return "a string built from non-literal parts";
        }
        if (value instanceof Value.Conditional) {
            return "a conditional value";
        }
        if (value instanceof Value.Call c) {
            return "a call of " + c.function().name().toLowerCase(Locale.ROOT);
        }
        return "a value of kind " + value.getClass().getSimpleName();
    }
}
