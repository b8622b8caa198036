package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.hcl.Block;

import java.util.List;
import java.util.Optional;

/**
 * A {@code resource}, {@code data} or {@code module} block of a module instance, with the logical id the
 * model gives it and, once known, its instances.
 */
final class Declared {

    enum Kind { RESOURCE, DATA, MODULE }

    /**
     * How many instances a block has: one; {@code count} or {@code for_each} expanded from a value known
     * while reading; one under a condition ({@code count = cond ? 1 : 0}, the Terraform idiom for an optional
     * resource); or a number only known at plan time, which the model cannot represent.
     */
    enum Mode { SINGLE, COUNT, FOR_EACH, CONDITIONAL, UNKNOWN }

    /**
     * One instance.
     *
     * @param logicalId the model's id of the instance
     * @param key       the count index ({@link Expr.NumberLiteral}) or for_each key ({@link Expr.StringLiteral}),
     *                  if expanded
     * @param bindings  what {@code count.index}, {@code each.key} and {@code each.value} stand for in it
     * @param condition the model condition it exists under, if any
     */
    record Instance(Declared declared, String logicalId, Optional<Expr> key, Evaluator.Bindings bindings,
                    Optional<String> condition) {

        SourceLocation location() {
            return declared.block.location();
        }
    }

    /**
     * A {@code count} or {@code for_each} expanded over the default of a root module variable.
     *
     * @param argument  {@code count} or {@code for_each}
     * @param variable  the variable as the configuration names it ({@code var.functions})
     * @param parameter the model's parameter for it
     * @param location  where the argument is set
     */
    record AtDefault(String argument, String variable, Expr.ParameterRef parameter, SourceLocation location) {
    }

    /**
     * A {@code count} or {@code for_each} expanded with the defaults of the root module's variables.
     *
     * @param argument {@code count} or {@code for_each}
     * @param value    its value with the variables as parameters
     * @param location where the argument is set
     */
    record AtDefaults(String argument, Expr value, SourceLocation location) {
    }

    final Kind kind;
    final String type;
    final String name;
    final Block block;
    final ModuleInstance module;
    /** The id before instance keys are appended; set once every declaration is known. */
    String baseId;
    Mode mode;
    List<Instance> instances;
    /** Why the instances are unknown, for {@link Mode#UNKNOWN}. */
    String unknownReason;
    /** How count or for_each was computed from the root module's variables' defaults, if it was; else null. */
    AtDefaults expandedAtDefaults;
    /** The root variable whose default gave the instances, when count or for_each is one; else null. */
    AtDefault expandedAtDefault;
    /** The local module this call instantiates, for a module call with a local source. */
    ModuleInstance child;

    Declared(Kind kind, String type, String name, Block block, ModuleInstance module) {
        this.kind = kind;
        this.type = type;
        this.name = name;
        this.block = block;
        this.module = module;
    }

    /** {@code aws_sqs_queue.orders}, {@code data.aws_region.current}, {@code module.worker}, with its module. */
    String address() {
        String own = switch (kind) {
            case RESOURCE -> type + "." + name;
            case DATA -> "data." + type + "." + name;
            case MODULE -> "module." + name;
        };
        return module.path().isEmpty() ? own : module.path() + "." + own;
    }

    SourceLocation location() {
        return block.location();
    }
}
