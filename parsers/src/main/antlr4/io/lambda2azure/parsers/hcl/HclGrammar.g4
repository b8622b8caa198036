/*
 * Parser for the HCL native syntax (hashicorp/hcl, hclsyntax/spec.md), over the tokens of HclLexer.
 *
 * Written so that every decision needs one token of lookahead: then ANTLR's "expected ..." sets describe
 * exactly what could have come where the input went wrong, which is what the error messages are built
 * from. Where the specification's grammar would need more (separators followed by an optional element,
 * operator precedence, template directives), the rule is flatter and TreeBuilder gives it its shape and
 * reports what the flat rule let through. Flat rules also keep the parser's recursion proportional to
 * bracket nesting, which the lexer limits.
 */
parser grammar HclGrammar;

options {
    tokenVocab = HclLexer;
    superClass = HclParserBase;
}

// ---------------------------------------------------------------- structure

configFile   : NEWLINE* (bodyItem (NEWLINE+ bodyItem?)*)? EOF ;

// A string of Terraform's JSON syntax, which is a template: the reader quotes and escapes it for this rule.
templateFile : quotedTemplate EOF ;

// An attribute (name = value) or a block (type, labels, body); each ends at a newline.
bodyItem     : identifier (ASSIGN expression | blockLabel* blockBody) ;

blockLabel   : quotedTemplate | identifier ;

// Either a multi-line body, or a one-line block holding at most one attribute.
blockBody    : LBRACE (NEWLINE+ (bodyItem NEWLINE+)* | oneLineAttribute?) RBRACE ;

oneLineAttribute : identifier ASSIGN expression ;

// ---------------------------------------------------------------- expressions

// a ? b : c ? d : e is a ? b : (c ? d : e): a flat list, folded from the right by TreeBuilder.
expression   : operation (QUESTION expression COLON operation)* ;

// Operands and binary operators in a flat list; TreeBuilder applies the precedence.
operation    : operand (binaryOperator operand)* ;

binaryOperator
             : OR | AND | EQUAL | NOT_EQUAL | LESS | GREATER | LESS_EQUAL | GREATER_EQUAL
             | PLUS | MINUS | STAR | SLASH | PERCENT ;

operand      : (NOT | MINUS)* term postfix* ;

postfix      : DOT (identifier | NUMBER | STAR)       // attribute, legacy index .0, attribute-only splat .*
             | LBRACK (STAR | expression) RBRACK     // full splat [*], index [x]
             ;

term         : NUMBER                                                        # numberLiteral
             | TRUE                                                          # trueLiteral
             | FALSE                                                         # falseLiteral
             | NULL                                                          # nullLiteral
             | quotedTemplate                                                # quotedTerm
             | heredocTemplate                                               # heredocTerm
             | name (DOUBLE_COLON identifier)* (LPAREN arguments)?           # variableOrCall
             | LBRACK (forIntro expression (IF expression)? RBRACK | tupleItems)     # tupleOrFor
             | LBRACE NEWLINE* (forIntro expression ARROW expression ELLIPSIS? (IF expression)? RBRACE | objectItems)
                                                                             # objectOrFor
             | LPAREN expression RPAREN                                      # parenthesized
             ;

// A list and its closing bracket in one rule, so that after a bad item the parser resumes inside the list.
// Commas may end the list; two in a row are refused by TreeBuilder.
arguments    : (expression (COMMA expression?)* ELLIPSIS?)? RPAREN ;

tupleItems   : (expression (COMMA expression?)*)? RBRACK ;

objectItems  : (objectItem (objectSeparator objectItem?)*)? RBRACE ;

objectSeparator : COMMA NEWLINE* | NEWLINE+ ;

// A key that is a lone name is that name; any other expression is evaluated (TreeBuilder tells them apart).
objectItem   : expression (ASSIGN | COLON) expression ;

forIntro     : FOR identifier (COMMA identifier)? IN expression COLON ;

// ---------------------------------------------------------------- templates

quotedTemplate  : QUOTE templatePart* QUOTE_END ;

heredocTemplate : HEREDOC_START templatePart* HEREDOC_END ;

// Directives come as a flat list of markers; TreeBuilder nests if/else/endif and for/endfor.
templatePart : (TEMPLATE_TEXT | TEMPLATE_ESCAPE | TEMPLATE_BAD_ESCAPE | TEMPLATE_SEQUENCE_ESCAPE | TEMPLATE_NEWLINE)
                                                           # templateLiteral
             | INTERP_START expression templateEnd         # templateInterpolation
             | DIRECTIVE_START directive templateEnd       # templateDirective
             ;

directive    : IF expression                                      # ifDirective
             | ELSE                                               # elseDirective
             | ENDIF                                              # endifDirective
             | FOR identifier (COMMA identifier)? IN expression   # forDirective
             | ENDFOR                                             # endforDirective
             ;

templateEnd  : TEMPLATE_END | TEMPLATE_END_STRIP ;

// ---------------------------------------------------------------- names

// Where a variable can stand: not the literals, and not 'for', which opens a for expression there.
name         : IDENTIFIER | IN | IF | ELSE | ENDIF | ENDFOR ;

identifier   : IDENTIFIER | FOR | IN | IF | ELSE | ENDIF | ENDFOR | TRUE | FALSE | NULL ;
