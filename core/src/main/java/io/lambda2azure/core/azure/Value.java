package io.lambda2azure.core.azure;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value in the Azure deployment, kept symbolic so that Bicep and Terraform can each write it in their own
 * syntax: literals, parameters, properties of generated resources, interpolation, conditionals and a small
 * set of functions both languages have. The planner builds these; emitters only print them.
 */
public sealed interface Value {

    /** A string literal. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number literal. */
    record Number(BigDecimal value) implements Value {
        public Number {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A boolean literal. */
    record Bool(boolean value) implements Value {
    }

    /** null. */
    record Null() implements Value {
    }

    /** An array. */
    record Array(List<Value> items) implements Value {
        public Array {
            items = List.copyOf(items);
        }
    }

    /** An object with keys in order. */
    record Obj(Map<String, Value> entries) implements Value {
        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** A deployment parameter. */
    record Param(String name) implements Value {
        public Param {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A named value: a condition or a lookup table (a Bicep variable, a Terraform local). */
    record Variable(String name) implements Value {
        public Variable {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A property of a generated resource, named by its symbolic name. */
    record ResourceProperty(String resource, Attribute attribute) implements Value {
        public ResourceProperty {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** What the deployment supplies: the target location, subscription, tenant, resource group. */
    record Context(ContextValue value) implements Value {
        public Context {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A string built from parts. */
    record Interpolation(List<Value> parts) implements Value {
        public Interpolation {
            parts = List.copyOf(parts);
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(Value condition, Value whenTrue, Value whenFalse) implements Value {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
        }
    }

    /** A call of a function both target languages have. */
    record Call(Fn function, List<Value> arguments) implements Value {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }

    /** The attributes of generated resources that values may use. */
    enum Attribute {
        /** The resource's name. */
        NAME,
        /** The resource's id. */
        ID,
        /** A managed identity's principal (object) id. */
        PRINCIPAL_ID,
        /** A managed identity's client id. */
        CLIENT_ID,
        /** An Application Insights connection string. */
        CONNECTION_STRING,
        /** A storage account's primary blob endpoint. */
        BLOB_ENDPOINT,
        /** A storage account's primary queue endpoint. */
        QUEUE_ENDPOINT,
        /** A function app's default host name. */
        DEFAULT_HOST_NAME,
        /** A Cosmos DB account's document endpoint ({@code https://<account>.documents.azure.com:443/}). */
        DOCUMENT_ENDPOINT,
        /** A Key Vault's URI ({@code https://<vault>.vault.azure.net/}). */
        VAULT_URI,
        /** A Key Vault secret's URI without version, so that references follow rotation. */
        SECRET_URI,
        /** An Event Grid custom topic's endpoint, which publishers post to. */
        TOPIC_ENDPOINT
    }

    /** Values the deployment context supplies. */
    enum ContextValue { LOCATION, SUBSCRIPTION_ID, TENANT_ID, RESOURCE_GROUP_NAME, RESOURCE_GROUP_ID }

    /**
     * The functions both Bicep and Terraform offer. Arguments are in the order given here; an emitter
     * reorders them where its language differs.
     */
    enum Fn {
        /** (a, b) → a == b. */
        EQUALS,
        /** (a, b, ...) → all true. */
        AND,
        /** (a, b, ...) → any true. */
        OR,
        /** (a) → !a. */
        NOT,
        /** (delimiter, list) → joined string. */
        JOIN,
        /** (delimiter, string) → list. */
        SPLIT,
        /** (index, list) → item. */
        ELEMENT,
        /** (string) → base64. */
        BASE64,
        /** (string) → lower-case string. */
        TO_LOWER,
        /** (string, length) → the first length characters. */
        TAKE,
        /** (seed strings...) → a stable 13-character suffix unique to the seeds. */
        UNIQUE_STRING,
        /** (map, key) → value; the planner's translation of mapping lookups. */
        LOOKUP,
        /** (seed strings...) → a deterministic GUID derived from the seeds (role assignment names). */
        GUID
    }

    static Value text(String value) {
        return new Text(value);
    }

    static Value number(long value) {
        return new Number(BigDecimal.valueOf(value));
    }

    static Value bool(boolean value) {
        return new Bool(value);
    }

    static Value ref(String resource, Attribute attribute) {
        return new ResourceProperty(resource, attribute);
    }
}
