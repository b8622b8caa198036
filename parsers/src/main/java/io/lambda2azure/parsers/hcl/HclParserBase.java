package io.lambda2azure.parsers.hcl;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The superclass of the generated {@code HclGrammar}: bounds how deep its rules may call each other. The
 * lexer already limits bracket nesting, but a few constructs recurse without brackets ({@code a ? b ? c
 * : d : e}); this guard makes any such input end with a located problem instead of a StackOverflowError.
 */
abstract class HclParserBase extends Parser {

    private int depth;
    private int maxDepth = HclReader.MAX_RULE_DEPTH;

    HclParserBase(TokenStream input) {
        super(input);
    }

    void maxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        super.enterRule(localctx, state, ruleIndex);
        if (++depth > maxDepth) {
            Token at = getCurrentToken();
            throw new TooDeepException(at.getLine(), at.getCharPositionInLine() + 1, TooDeepException.expression(maxDepth));
        }
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }
}
