package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.parsers.hcl.Attribute;
import io.lambda2azure.parsers.hcl.Block;
import io.lambda2azure.parsers.hcl.Expression;
import io.lambda2azure.parsers.hcl.TraversalStep;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Terraform configuration that uses the AWS provider into the neutral {@link ServerlessApp}: the
 * same model the CloudFormation reader gives for the same application, so that planning and output work
 * unchanged. A directory is read as Terraform reads a module (its {@code .tf} and {@code .tf.json} files,
 * local modules it calls); a single file is read on its own. Every problem of every file is reported at
 * once, located, through {@link InvalidInputException}.
 *
 * <p>How Terraform's constructs become the model:
 * <ul>
 * <li>names: resources, variables and outputs get CloudFormation-style UpperCamel ids
 * ({@code aws_lambda_function.create_order_function} is {@code CreateOrderFunction}, {@code var.log_level}
 * the parameter {@code LogLevel}); see {@link Session} for modules, collisions and instances;</li>
 * <li>{@code variable}s are parameters (type, default, description; {@code sensitive} makes them secret;
 * {@code validation}s of the forms {@code contains([...], var.x)} and {@code length(var.x) >= n} are
 * allowed values and length constraints), {@code output}s outputs, {@code local}s are inlined;</li>
 * <li>{@code count} and {@code for_each} are expanded when their value is known while reading;
 * {@code count = cond ? 1 : 0} makes the resource conditional on a model condition; any other count is
 * computed with the defaults of the root module's variables it depends on (the instances Terraform plans
 * when nothing sets them), a property not carried over saying so; a count still unknown is only known when
 * Terraform plans, and the resource is kept as unsupported;</li>
 * <li>{@code depends_on}, {@code lifecycle}, {@code provider} and provider blocks say how Terraform manages
 * resources, not what they are, and are not read;</li>
 * <li>expressions: see {@link Evaluator}; resources: {@link Resources}, {@link Linker},
 * {@link LambdaModule}. A local module ({@code source = "./modules/x"}) is read with its variables bound to
 * the caller's arguments; another registry module is an unsupported resource.</li>
 * </ul>
 */
public final class TerraformReader {

    private TerraformReader() {
    }

    /**
     * Whether a path is Terraform input: a {@code .tf} or {@code .tf.json} file, or a directory holding one.
     *
     * @param path a file or directory
     * @return whether {@link #read} reads it as Terraform
     */
    public static boolean isTerraform(Path path) {
        return Sources.isTerraformFile(path) || Sources.isTerraformDirectory(path);
    }

    /**
     * Reads a configuration.
     *
     * @param dirOrFile the root module's directory, or one {@code .tf}/{@code .tf.json} file; the path as
     *                  given appears in every location
     * @return the application
     * @throws InvalidInputException when a file cannot be read or the configuration is invalid, with every
     *                               problem found, located
     */
    public static ServerlessApp read(Path dirOrFile) throws InvalidInputException {
        Session session = Session.load(dirOrFile);
        Model model = new Model(session);
        for (Declared declared : ordered(session.root())) {
            if (declared.kind == Declared.Kind.DATA) {
                continue; // read where they are referred to
            }
            session.expand(declared);
            if (declared.mode == Declared.Mode.UNKNOWN) {
                String id = declared.baseId == null ? Ids.upperCamel(declared.name) : declared.baseId;
                boolean function = "aws_lambda_function".equals(declared.type) || LambdaModule.isLambdaModule(declared.type);
                model.unsupported(id, declared.kind == Declared.Kind.MODULE ? "module " + declared.type : declared.type,
                        declared.address() + " is not expanded: " + declared.unknownReason,
                        function ? List.of(id) : List.of(), declared.location());
                continue;
            }
            declared.instances.forEach(model::add);
            Declared.AtDefaults atDefaults = declared.expandedAtDefaults;
            if (atDefaults != null) {
                // The instances are fixed by the variables' defaults: setting the variables no longer changes them.
                declared.instances.forEach(i -> model.unmapped.add(new UnmappedProperty(i.logicalId(), declared.type,
                        atDefaults.argument() + " (expanded with the variables' defaults)", atDefaults.value(),
                        atDefaults.location())));
            }
        }
        Resources resources = new Resources(model);
        LambdaModule lambdaModule = new LambdaModule(model);
        for (Declared.Instance instance : List.copyOf(model.instances)) {
            if (instance.declared().kind == Declared.Kind.MODULE) {
                if (LambdaModule.isLambdaModule(instance.declared().type)) {
                    lambdaModule.read(instance);
                } else {
                    model.unsupported(instance.logicalId(), "module " + instance.declared().type, "the registry module "
                            + instance.declared().type + " is not read; only terraform-aws-modules/lambda/aws and local"
                            + " modules are; convert what it creates by hand", List.of(), instance.location());
                }
            } else {
                resources.read(instance);
            }
        }
        Linker linker = new Linker(model);
        linker.link();
        linker.permissions();
        lambdaModule.permissions(linker);
        for (Declared.Instance instance : model.instances) {
            if (Resources.MERGED.contains(instance.declared().type) && !model.isClaimed(instance.logicalId())) {
                model.unsupported(instance, Resources.UNCLAIMED.getOrDefault(instance.declared().type,
                        instance.declared().type + " that refers to no resource of this configuration"));
            }
        }
        List<Parameter> parameters = parameters(session, model);
        List<Output> outputs = outputs(session);
        model.collectUnmapped();
        if (!session.problems().isEmpty()) {
            throw new InvalidInputException(session.problems());
        }
        List<Function> functions = model.functions.values().stream().map(FunctionDraft::build).toList();
        List<Role> roles = model.roles.values().stream().map(r -> new Role(r.instance.logicalId(),
                r.instance.condition(), r.trusted, r.managed, r.statements, r.boundary, r.instance.location())).toList();
        List<ManagedPolicyResource> policies = model.policies.values().stream().map(Model.PolicyDraft::build).toList();
        List<UnsupportedResource> unsupported = new ArrayList<>(model.unsupported);
        unsupported.sort(Comparator.comparing(UnsupportedResource::location));
        List<UnmappedProperty> unmapped = model.unmapped;
        return new ServerlessApp(dirOrFile.toString(), InputKind.TERRAFORM, Optional.empty(), parameters,
                session.conditions().all(), session.mappings(), functions, model.dependencies, roles, policies, outputs,
                unsupported, unmapped);
    }

    /** Resources and module calls in declaration order, a local module's at the place of its call. */
    private static List<Declared> ordered(ModuleInstance module) {
        List<Declared> ordered = new ArrayList<>();
        for (Declared d : module.declarations) {
            if (d.kind == Declared.Kind.MODULE && d.child != null) {
                ordered.addAll(ordered(d.child));
            } else if (d.kind == Declared.Kind.MODULE && Session.isLocal(d.type)) {
                if (d.mode == Declared.Mode.UNKNOWN) {
                    ordered.add(d); // count or for_each on a local module: reported as not expanded
                }
            } else {
                ordered.add(d);
            }
        }
        return ordered;
    }

    // ---------------------------------------------------------------- variables

    private static List<Parameter> parameters(Session session, Model model) {
        List<Parameter> parameters = new ArrayList<>();
        ModuleInstance root = session.root();
        for (Map.Entry<String, Block> entry : root.variables.entrySet()) {
            String name = Ids.upperCamel(entry.getKey());
            Block block = entry.getValue();
            Attrs v = new Attrs(block.body(), "", session.evaluator(root), block.location());
            Optional<Expr> defaultValue = v.expr("default");
            String type = v.raw("type").map(t -> typeName(t.value())).orElseGet(() -> inferredType(defaultValue));
            boolean secret = v.expr("sensitive").filter(Resources::isTrue).isPresent();
            v.ignore("nullable", "ephemeral");
            List<Expr> allowed = new ArrayList<>();
            Optional<Long> minLength = Optional.empty();
            Optional<Long> maxLength = Optional.empty();
            Optional<BigDecimal> minValue = Optional.empty();
            Optional<BigDecimal> maxValue = Optional.empty();
            Optional<String> message = Optional.empty();
            for (Attrs validation : v.blocks("validation")) {
                Optional<Attribute> condition = validation.raw("condition");
                Optional<String> error = validation.string("error_message");
                Validation read = condition.map(c -> validation(c.value(), entry.getKey(), session, root))
                        .orElse(Validation.NONE);
                if (read == Validation.NONE) {
                    model.unmapped.add(new UnmappedProperty(name, "variable", "validation",
                            condition.map(c -> (Expr) new Expr.Unknown(c.value().text())).orElse(new Expr.NullLiteral()),
                            validation.location()));
                    continue;
                }
                allowed.addAll(read.allowed);
                minLength = minLength.or(() -> read.minLength);
                maxLength = maxLength.or(() -> read.maxLength);
                minValue = minValue.or(() -> read.minValue);
                maxValue = maxValue.or(() -> read.maxValue);
                message = message.or(() -> error);
            }
            Optional<String> description = v.string("description");
            v.unmapped(name, "variable", model.unmapped);
            parameters.add(new Parameter(name, type, defaultValue, allowed, description, secret,
                    new Parameter.ParameterConstraints(minLength, maxLength, minValue, maxValue, Optional.empty(),
                            message), block.location()));
        }
        return parameters;
    }

    /**
     * A variable's type under the name CloudFormation gives it where there is one ({@code string} is
     * {@code String}, {@code number} {@code Number}, a list or set of strings or numbers
     * {@code CommaDelimitedList}), else as written ({@code bool}, {@code map(string)}).
     */
    private static String typeName(Expression type) {
        String text = type instanceof Expression.Template t && t.literalValue().isPresent() ? t.literalValue().get()
                : type.text();
        String compact = text.replaceAll("\\s+", "");
        return switch (compact) {
            case "string" -> "String";
            case "number" -> "Number";
            case "list(string)", "set(string)", "list(number)", "set(number)" -> "CommaDelimitedList";
            default -> compact;
        };
    }

    private static String inferredType(Optional<Expr> defaultValue) {
        if (defaultValue.isPresent() && defaultValue.get() instanceof Expr.NumberLiteral) {
            return "Number";
        }
        if (defaultValue.isPresent() && defaultValue.get() instanceof Expr.ListExpr) {
            return "CommaDelimitedList";
        }
        return "String";
    }

    /** What one validation block says, in the model's terms. */
    private record Validation(List<Expr> allowed, Optional<Long> minLength, Optional<Long> maxLength,
                              Optional<BigDecimal> minValue, Optional<BigDecimal> maxValue) {
        static final Validation NONE = new Validation(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * A validation condition of a form the model has constraints for: {@code contains([...], var.x)}, and
     * comparisons of {@code length(var.x)} or {@code var.x} with a number, joined by {@code &&}.
     */
    private static Validation validation(Expression written, String variable, Session session, ModuleInstance root) {
        Expression condition = unwrap(written);
        if (condition instanceof Expression.FunctionCall call && "contains".equals(call.name())
                && call.arguments().size() == 2 && isVariable(call.arguments().get(1), variable)) {
            Expr values = session.evaluator(root).expr(call.arguments().get(0));
            if (values instanceof Expr.ListExpr list && list.isLiteral()) {
                return new Validation(list.items(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
            return Validation.NONE;
        }
        if (condition instanceof Expression.Binary b && b.operator() == Expression.BinaryOperator.AND) {
            Validation left = validation(b.left(), variable, session, root);
            Validation right = validation(b.right(), variable, session, root);
            if (left == Validation.NONE || right == Validation.NONE) {
                return Validation.NONE;
            }
            List<Expr> allowed = new ArrayList<>(left.allowed);
            allowed.addAll(right.allowed);
            return new Validation(allowed, left.minLength.or(() -> right.minLength),
                    left.maxLength.or(() -> right.maxLength), left.minValue.or(() -> right.minValue),
                    left.maxValue.or(() -> right.maxValue));
        }
        if (condition instanceof Expression.Binary b && b.right() instanceof Expression.NumberLiteral n) {
            boolean length = b.left() instanceof Expression.FunctionCall call && "length".equals(call.name())
                    && call.arguments().size() == 1 && isVariable(call.arguments().get(0), variable);
            boolean value = isVariable(b.left(), variable);
            if (!length && !value) {
                return Validation.NONE;
            }
            BigDecimal bound = n.value();
            Optional<BigDecimal> min = Optional.empty();
            Optional<BigDecimal> max = Optional.empty();
            switch (b.operator()) {
                case GREATER_OR_EQUAL -> min = Optional.of(bound);
                case GREATER -> min = Optional.of(bound.add(BigDecimal.ONE));
                case LESS_OR_EQUAL -> max = Optional.of(bound);
                case LESS -> max = Optional.of(bound.subtract(BigDecimal.ONE));
                default -> {
                    return Validation.NONE;
                }
            }
            if (length) {
                return new Validation(List.of(), min.map(BigDecimal::longValue), max.map(BigDecimal::longValue),
                        Optional.empty(), Optional.empty());
            }
            return new Validation(List.of(), Optional.empty(), Optional.empty(), min, max);
        }
        return Validation.NONE;
    }

    /** {@code "${x}"} is {@code x}: how JSON syntax writes an expression. */
    private static Expression unwrap(Expression e) {
        return e instanceof Expression.Template t && t.unwrapped().isPresent() ? unwrap(t.unwrapped().get()) : e;
    }

    private static boolean isVariable(Expression written, String variable) {
        Expression e = unwrap(written);
        return e instanceof Expression.Traversal t && t.source() instanceof Expression.Variable v
                && "var".equals(v.name()) && t.steps().size() == 1
                && t.steps().get(0) instanceof TraversalStep.GetAttr a && a.name().equals(variable);
    }

    // ---------------------------------------------------------------- outputs

    private static List<Output> outputs(Session session) {
        List<Output> outputs = new ArrayList<>();
        ModuleInstance root = session.root();
        root.outputs.forEach((name, block) -> {
            Optional<Attribute> value = block.body().attribute("value");
            if (value.isEmpty()) {
                session.problem(block.location(), "output '" + name + "' has no value; an output needs value = ...");
                return;
            }
            Evaluator evaluator = session.evaluator(root);
            Optional<String> description = block.body().attribute("description")
                    .map(d -> evaluator.expr(d.value())).flatMap(Expr::asString);
            outputs.add(new Output(Ids.upperCamel(name), evaluator.expr(value.get().value()), description,
                    Optional.empty(), Optional.empty(), block.location()));
        });
        return outputs;
    }
}
