package io.lambda2azure.core.expr;

import java.util.LinkedHashSet;
import java.util.Set;

/** The resources an expression refers to, whichever input language it was written in. */
public final class References {

    private References() {
    }

    /**
     * Every resource logical id the value refers to ({@link Expr.ResourceRef}, {@link Expr.AttributeRef}), in
     * the order they are written, looking through lists, maps, interpolations and every intrinsic.
     */
    public static Set<String> of(Expr value) {
        Set<String> ids = new LinkedHashSet<>();
        collect(value, ids);
        return ids;
    }

    private static void collect(Expr value, Set<String> ids) {
        if (value instanceof Expr.ResourceRef ref) {
            ids.add(ref.logicalId());
        } else if (value instanceof Expr.AttributeRef att) {
            ids.add(att.logicalId());
        } else if (value instanceof Expr.ListExpr list) {
            list.items().forEach(i -> collect(i, ids));
        } else if (value instanceof Expr.MapExpr map) {
            map.entries().values().forEach(v -> collect(v, ids));
        } else if (value instanceof Expr.Interpolation interpolation) {
            interpolation.parts().forEach(p -> collect(p, ids));
        } else if (value instanceof Expr.Join join) {
            collect(join.delimiter(), ids);
            collect(join.values(), ids);
        } else if (value instanceof Expr.Select select) {
            collect(select.index(), ids);
            collect(select.values(), ids);
        } else if (value instanceof Expr.Split split) {
            collect(split.delimiter(), ids);
            collect(split.source(), ids);
        } else if (value instanceof Expr.Conditional conditional) {
            collect(conditional.whenTrue(), ids);
            collect(conditional.whenFalse(), ids);
        } else if (value instanceof Expr.FindInMap find) {
            collect(find.topLevelKey(), ids);
            collect(find.secondLevelKey(), ids);
            find.defaultValue().ifPresent(d -> collect(d, ids));
        } else if (value instanceof Expr.ImportValue imported) {
            collect(imported.exportName(), ids);
        } else if (value instanceof Expr.Base64 base64) {
            collect(base64.value(), ids);
        }
    }
}
