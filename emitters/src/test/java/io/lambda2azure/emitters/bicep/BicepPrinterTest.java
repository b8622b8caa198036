package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.bicep.BicepDecl.CommentBlock;
import io.lambda2azure.emitters.bicep.BicepDecl.Decorator;
import io.lambda2azure.emitters.bicep.BicepDecl.Output;
import io.lambda2azure.emitters.bicep.BicepDecl.Param;
import io.lambda2azure.emitters.bicep.BicepDecl.ParamAssignment;
import io.lambda2azure.emitters.bicep.BicepDecl.Resource;
import io.lambda2azure.emitters.bicep.BicepDecl.Using;
import io.lambda2azure.emitters.bicep.BicepDecl.Var;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayItem;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.Binary;
import io.lambda2azure.emitters.bicep.BicepExpr.IndexAccess;
import io.lambda2azure.emitters.bicep.BicepExpr.InterpolatedString;
import io.lambda2azure.emitters.bicep.BicepExpr.Not;
import io.lambda2azure.emitters.bicep.BicepExpr.NullLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectProperty;
import io.lambda2azure.emitters.bicep.BicepExpr.Operator;
import io.lambda2azure.emitters.bicep.BicepExpr.PropertyAccess;
import io.lambda2azure.emitters.bicep.BicepExpr.Ternary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.lambda2azure.emitters.bicep.BicepExpr.access;
import static io.lambda2azure.emitters.bicep.BicepExpr.bool;
import static io.lambda2azure.emitters.bicep.BicepExpr.call;
import static io.lambda2azure.emitters.bicep.BicepExpr.identifier;
import static io.lambda2azure.emitters.bicep.BicepExpr.integer;
import static io.lambda2azure.emitters.bicep.BicepExpr.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BicepPrinterTest {

    private static final BicepExpr A = identifier("a");
    private static final BicepExpr B = identifier("b");
    private static final BicepExpr C = identifier("c");

    private static String print(BicepExpr e) {
        return BicepPrinter.print(e);
    }

    private static ObjectProperty prop(String key, BicepExpr value, String... comments) {
        return new ObjectProperty(List.of(comments).stream().map(Comment::new).toList(), string(key), value);
    }

    private static ObjectLiteral object(ObjectProperty... properties) {
        return new ObjectLiteral(List.of(properties));
    }

    private static ArrayLiteral array(BicepExpr... items) {
        return new ArrayLiteral(List.of(items).stream().map(i -> new ArrayItem(List.of(), i)).toList());
    }

    // ------------------------------------------------------------------ strings

    @Test
    void escapesStringLiterals() {
        assertThat(print(string("it's"))).isEqualTo("'it\\'s'");
        assertThat(print(string("back\\slash"))).isEqualTo("'back\\\\slash'");
        assertThat(print(string("a\nb\rc\td"))).isEqualTo("'a\\nb\\rc\\td'");
        assertThat(print(string("${x}"))).isEqualTo("'\\${x}'");
        assertThat(print(string("$x and $ and {y}"))).isEqualTo("'$x and $ and {y}'");
        assertThat(print(string("bell\u0007"))).isEqualTo("'bell\\u{7}'");
        assertThat(print(string("ünïcødé €"))).isEqualTo("'ünïcødé €'");
        assertThat(print(string(""))).isEqualTo("''");
    }

    @Test
    void printsInterpolatedStrings() {
        BicepExpr e = new InterpolatedString(List.of("https://", "/a'b/${c}", ""),
                List.of(access("app", "properties", "defaultHostName"), call("toLower", A)));
        assertThat(print(e)).isEqualTo("'https://${app.properties.defaultHostName}/a\\'b/\\${c}${toLower(a)}'");
        assertThat(print(new InterpolatedString(List.of("", ""), List.of(A)))).isEqualTo("'${a}'");
        // a literal $ right before an interpolation stays a literal $
        assertThat(print(new InterpolatedString(List.of("$", ""), List.of(A)))).isEqualTo("'$${a}'");
    }

    @Test
    void interpolatedStringNeedsOneMoreSegmentThanExpressions() {
        assertThatThrownBy(() -> new InterpolatedString(List.of("a"), List.of(A)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ literals and access

    @Test
    void printsLiterals() {
        assertThat(print(integer(-3))).isEqualTo("-3");
        assertThat(print(bool(true))).isEqualTo("true");
        assertThat(print(new NullLiteral())).isEqualTo("null");
        assertThat(print(identifier("appName"))).isEqualTo("appName");
    }

    @Test
    void printsAccessAndCalls() {
        assertThat(print(access(call("resourceGroup"), "location"))).isEqualTo("resourceGroup().location");
        assertThat(print(new PropertyAccess(A, "not-an-identifier"))).isEqualTo("a['not-an-identifier']");
        assertThat(print(new IndexAccess(call("split", string("a,b"), string(",")), integer(0))))
                .isEqualTo("split('a,b', ',')[0]");
        assertThat(print(call("uniqueString", A, B, C))).isEqualTo("uniqueString(a, b, c)");
        assertThat(print(call("utcNow"))).isEqualTo("utcNow()");
    }

    // ------------------------------------------------------------------ precedence

    @Test
    void parenthesizesOnlyWherePrecedenceNeedsIt() {
        assertThat(print(new Binary(new Binary(A, Operator.AND, B), Operator.AND, C))).isEqualTo("a && b && c");
        assertThat(print(new Binary(A, Operator.AND, new Binary(B, Operator.AND, C)))).isEqualTo("a && (b && c)");
        assertThat(print(new Binary(new Binary(A, Operator.OR, B), Operator.AND, C))).isEqualTo("(a || b) && c");
        assertThat(print(new Binary(new Binary(A, Operator.EQUALS, B), Operator.AND, C))).isEqualTo("a == b && c");
        assertThat(print(new Binary(new Binary(A, Operator.OR, B), Operator.EQUALS, C))).isEqualTo("(a || b) == c");
        assertThat(print(new Not(A))).isEqualTo("!a");
        assertThat(print(new Not(new Not(A)))).isEqualTo("!!a");
        assertThat(print(new Not(new Binary(A, Operator.EQUALS, B)))).isEqualTo("!(a == b)");
        assertThat(print(new Binary(new Not(A), Operator.NOT_EQUALS, B))).isEqualTo("!a != b");
    }

    @Test
    void clarifiesMixedLogicalOperators() {
        assertThat(print(new Binary(new Binary(A, Operator.AND, B), Operator.OR, C))).isEqualTo("(a && b) || c");
        assertThat(print(new Binary(A, Operator.OR, new Binary(B, Operator.AND, C)))).isEqualTo("a || (b && c)");
    }

    @Test
    void parenthesizesNestedConditionals() {
        Ternary inner = new Ternary(A, B, C);
        assertThat(print(inner)).isEqualTo("a ? b : c");
        assertThat(print(new Ternary(inner, integer(1), integer(2)))).isEqualTo("(a ? b : c) ? 1 : 2");
        assertThat(print(new Ternary(A, inner, inner))).isEqualTo("a ? (a ? b : c) : (a ? b : c)");
        assertThat(print(new Ternary(new Binary(A, Operator.OR, B), C, A))).isEqualTo("a || b ? c : a");
        assertThat(print(new Binary(inner, Operator.EQUALS, A))).isEqualTo("(a ? b : c) == a");
        assertThat(print(new Not(inner))).isEqualTo("!(a ? b : c)");
        assertThat(print(new PropertyAccess(inner, "id"))).isEqualTo("(a ? b : c).id");
        assertThat(print(new IndexAccess(inner, string("k")))).isEqualTo("(a ? b : c)['k']");
        assertThat(print(call("string", inner))).isEqualTo("string(a ? b : c)");
    }

    // ------------------------------------------------------------------ objects and arrays

    @Test
    void printsEmptyObjectsAndArrays() {
        assertThat(print(object())).isEqualTo("{}");
        assertThat(print(array())).isEqualTo("[]");
    }

    @Test
    void printsNestedObjectsAndArraysOneItemALine() {
        BicepExpr e = object(
                prop("name", string("x")),
                prop("nested", object(prop("list", array(integer(1), object(prop("k", A)), array())))),
                prop("empty", object()));
        assertThat(print(e)).isEqualTo("""
                {
                  name: 'x'
                  nested: {
                    list: [
                      1
                      {
                        k: a
                      }
                      []
                    ]
                  }
                  empty: {}
                }""");
    }

    @Test
    void quotesKeysThatAreNotIdentifiers() {
        BicepExpr e = new ObjectLiteral(List.of(
                prop("plain_Key1", A),
                prop("us-east-1", A),
                prop("1abc", A),
                prop("true", A),
                prop("it's", A),
                prop("", A),
                new ObjectProperty(List.of(), new InterpolatedString(List.of("", ""), List.of(access("id", "id"))),
                        object())));
        assertThat(print(e)).isEqualTo("""
                {
                  plain_Key1: a
                  'us-east-1': a
                  '1abc': a
                  'true': a
                  'it\\'s': a
                  '': a
                  '${id.id}': {}
                }""");
    }

    @Test
    void objectKeysAreStrings() {
        assertThatThrownBy(() -> new ObjectProperty(List.of(), A, B)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsCommentsAboveObjectPropertiesAndArrayItems() {
        BicepExpr e = object(
                prop("a", integer(1), "first", "second"),
                prop("list", new ArrayLiteral(List.of(new ArrayItem(List.of(new Comment("on item")), B)))));
        assertThat(print(e)).isEqualTo("""
                {
                  // first
                  // second
                  a: 1
                  list: [
                    // on item
                    b
                  ]
                }""");
    }

    @Test
    void multiLineValuesInsideCallsKeepTheirIndentation() {
        BicepExpr e = object(prop("merged", call("union", object(prop("a", integer(1))), A)));
        assertThat(print(e)).isEqualTo("""
                {
                  merged: union({
                    a: 1
                  }, a)
                }""");
    }

    // ------------------------------------------------------------------ statements

    @Test
    void printsEveryStatementWithOneBlankLineBetween() {
        BicepFile file = new BicepFile(List.of(
                new CommentBlock(List.of(new Comment("header"))),
                new Param(List.of(), List.of(new Decorator("description", List.of(string("The x."))),
                        new Decorator("secure", List.of())), "x", "string", Optional.empty()),
                new Param(List.of(), List.of(new Decorator("allowed", List.of(array(integer(1), integer(2))))),
                        "n", "int", Optional.of(integer(1))),
                new Var(List.of(new Comment("a variable")), "v", new Binary(A, Operator.EQUALS, B)),
                new Resource(List.of(new Comment("above")), "sa", "Microsoft.Storage/storageAccounts", "2026-04-01",
                        true, Optional.empty(), Optional.empty(), object(prop("name", string("x")))),
                new Resource(List.of(), "child", "Microsoft.Storage/storageAccounts/blobServices", "2026-04-01",
                        false, Optional.of(new Not(A)), Optional.of(identifier("sa")),
                        object(prop("name", string("default")))),
                new Resource(List.of(), "empty", "Microsoft.ManagedIdentity/userAssignedIdentities", "2024-11-30",
                        false, Optional.empty(), Optional.empty(), object()),
                new Output(List.of(), List.of(new Decorator("description", List.of(string("Out.")))), "o",
                        "string", access("sa", "name"))));
        assertThat(BicepPrinter.print(file)).isEqualTo("""
                // header

                @description('The x.')
                @secure()
                param x string

                @allowed([
                  1
                  2
                ])
                param n int = 1

                // a variable
                var v = a == b

                // above
                resource sa 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
                  name: 'x'
                }

                resource child 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' = if (!a) {
                  parent: sa
                  name: 'default'
                }

                resource empty 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {}

                @description('Out.')
                output o string = sa.name
                """);
    }

    @Test
    void printsParametersFiles() {
        BicepFile file = new BicepFile(List.of(
                new Using(List.of(), "main.bicep"),
                new ParamAssignment(List.of(new Comment("Supply it.")), "p", string("")),
                new ParamAssignment(List.of(), "s", call("readEnvironmentVariable", string("S")))));
        assertThat(BicepPrinter.print(file)).isEqualTo("""
                using 'main.bicep'

                // Supply it.
                param p = ''

                param s = readEnvironmentVariable('S')
                """);
    }

    @Test
    void keepsCommentsOnOneLineWithoutTrailingWhitespace() {
        BicepFile file = new BicepFile(List.of(new CommentBlock(List.of(
                new Comment("line one\nline two\r\nline three\rend   "), new Comment("")))));
        assertThat(BicepPrinter.print(file)).isEqualTo("// line one line two line three end\n//\n");
    }

    @Test
    void emptyFileIsEmpty() {
        assertThat(BicepPrinter.print(new BicepFile(List.of()))).isEmpty();
    }
}
