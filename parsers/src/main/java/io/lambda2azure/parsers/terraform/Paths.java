package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;

import java.util.ArrayList;
import java.util.List;

/** File paths built with {@code path.module} made plain: {@code ./src/orders} is {@code src/orders}. */
final class Paths {

    private Paths() {
    }

    static Expr clean(Expr path) {
        if (path instanceof Expr.StringLiteral s) {
            return Expr.string(clean(s.value()));
        }
        if (path instanceof Expr.Interpolation i && !i.parts().isEmpty()
                && i.parts().get(0) instanceof Expr.StringLiteral first) {
            List<Expr> parts = new ArrayList<>(i.parts());
            String cleaned = clean(first.value());
            if (cleaned.isEmpty()) {
                parts.remove(0);
            } else {
                parts.set(0, Expr.string(cleaned));
            }
            return parts.size() == 1 && parts.get(0) instanceof Expr.StringLiteral only ? only
                    : new Expr.Interpolation(parts);
        }
        return path;
    }

    private static String clean(String path) {
        String p = path.replace("/./", "/");
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
