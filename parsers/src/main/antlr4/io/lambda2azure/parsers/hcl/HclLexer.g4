/*
 * Lexer for the HCL native syntax (hashicorp/hcl, hclsyntax/spec.md), as Terraform's .tf files use it.
 *
 * HCL cannot be lexed without context, so the lexer keeps a stack of what is open (HclLexerBase):
 *  - Newlines end attributes and blocks, but are ignored inside ( ), [ ], ${ } and %{ } and inside an
 *    object `for` expression; inside a block body or an object constructor { } they count. The lexer
 *    drops the newlines that do not count, so the parser sees NEWLINE only where it means something.
 *  - A '}' closes either a brace or a template sequence (${ } or %{ }); only the stack knows which.
 *  - A heredoc ends at a line holding only its own marker, which only the stack remembers.
 * The stack is also where hostile nesting is refused, before the parser could recurse that deep.
 */
lexer grammar HclLexer;

options {
    superClass = HclLexerBase;
}

tokens {
    INTERP_START,             // ${ or ${~
    DIRECTIVE_START,          // %{ or %{~
    TEMPLATE_END,             // } closing a template sequence
    TEMPLATE_END_STRIP,       // ~} closing a template sequence
    TEMPLATE_TEXT,            // literal template text, verbatim
    TEMPLATE_ESCAPE,          // a backslash escape of a quoted template, decoded by the tree builder
    TEMPLATE_BAD_ESCAPE,      // a backslash escape that is not one (reported by the lexer)
    TEMPLATE_SEQUENCE_ESCAPE, // $${ or %%{, meaning a literal ${ or %{
    TEMPLATE_NEWLINE,         // a newline inside a heredoc
    HEREDOC_END               // the line that closes a heredoc
}

// ---------------------------------------------------------------- structure and expressions

NEWLINE         : '\r'? '\n' { newline(); } ;
WHITESPACE      : [ \t]+ -> skip ;
LINE_COMMENT    : ('#' | '//') ~[\r\n]* -> skip ;
BLOCK_COMMENT   : '/*' .*? ('*/' | EOF) { blockComment(); } ;

// Anything between the marker and the end of the line is an error, reported by beginHeredoc(); the heredoc
// still starts, so that its content is not read as HCL.
HEREDOC_START   : '<<' '-'? IDENT_START IDENT_PART* ~[\r\n]* '\r'? '\n' { beginHeredoc(); } ;
QUOTE           : '"' { beginQuoted(); } ;

LBRACE          : '{' { openBrace(); } ;
RBRACE          : '}' { closeBrace(false); } ;
STRIP_RBRACE    : '~}' { closeBrace(true); } ;
LBRACK          : '[' { open(Open.BRACKET); } ;
RBRACK          : ']' { close(Open.BRACKET); } ;
LPAREN          : '(' { open(Open.PAREN); } ;
RPAREN          : ')' { close(Open.PAREN); } ;

ELLIPSIS        : '...' ;
DOUBLE_COLON    : '::' ;
ARROW           : '=>' ;
EQUAL           : '==' ;
NOT_EQUAL       : '!=' ;
LESS_EQUAL      : '<=' ;
GREATER_EQUAL   : '>=' ;
AND             : '&&' ;
OR              : '||' ;
ASSIGN          : '=' ;
NOT             : '!' ;
LESS            : '<' ;
GREATER         : '>' ;
PLUS            : '+' ;
MINUS           : '-' ;
STAR            : '*' ;
SLASH           : '/' ;
PERCENT         : '%' ;
QUESTION        : '?' ;
COLON           : ':' ;
COMMA           : ',' ;
DOT             : '.' ;

NUMBER          : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? ;

// Keywords are reserved only where the grammar says so; elsewhere the parser accepts them as names.
TRUE            : 'true' ;
FALSE           : 'false' ;
NULL            : 'null' ;
FOR             : 'for' { sawFor(); } ;
IN              : 'in' ;
IF              : 'if' ;
ELSE            : 'else' ;
ENDIF           : 'endif' ;
ENDFOR          : 'endfor' ;

IDENTIFIER      : IDENT_START IDENT_PART* ;

// Anything else is handed to the parser, which says where it found it and what it expected instead.
ERROR_CHARACTER : . ;

fragment IDENT_START : [\p{ID_Start}_] ;
fragment IDENT_PART  : [\p{ID_Continue}-] ;
fragment DIGIT       : [0-9] ;
fragment HEX         : [0-9a-fA-F] ;

// ---------------------------------------------------------------- "quoted templates"

mode QUOTED;

QUOTE_END          : '"' { endQuoted(); } ;
Q_INTERP_START     : '${' '~'? { beginSequence(true); } ;
Q_DIRECTIVE_START  : '%{' '~'? { beginSequence(false); } ;
Q_SEQUENCE_ESCAPE  : ('$${' | '%%{') -> type(TEMPLATE_SEQUENCE_ESCAPE) ;
Q_ESCAPE           : '\\' ([nrt"\\] | 'u' HEX HEX HEX HEX | 'U' HEX HEX HEX HEX HEX HEX HEX HEX) -> type(TEMPLATE_ESCAPE) ;
Q_BAD_ESCAPE       : '\\' ~[\r\n]? { badEscape(); } ;
Q_TEXT             : ~["\\$%\r\n]+ -> type(TEMPLATE_TEXT) ;
Q_LONE             : [$%] -> type(TEMPLATE_TEXT) ;
// A quoted template ends on its line; the newline closes it so that the next line is read normally.
Q_NEWLINE          : ('\r'? '\n' | '\r') { unclosedQuoted(); } ;

// ---------------------------------------------------------------- <<heredoc templates

mode HEREDOC;

H_INTERP_START     : '${' '~'? { beginSequence(true); } ;
H_DIRECTIVE_START  : '%{' '~'? { beginSequence(false); } ;
H_SEQUENCE_ESCAPE  : ('$${' | '%%{') -> type(TEMPLATE_SEQUENCE_ESCAPE) ;
H_TEXT             : ~[$%\r\n]+ -> type(TEMPLATE_TEXT) ;
H_LONE             : [$%\r] -> type(TEMPLATE_TEXT) ;
H_NEWLINE          : '\r'? '\n' { heredocNewline(); } ;

// Entered only when the next line holds the marker alone (checked by HclLexerBase), so it cannot fail.
mode HEREDOC_CLOSE;

H_END              : [ \t]* IDENT_START IDENT_PART* [ \t]* { endHeredoc(); } ;
H_UNEXPECTED       : . -> type(ERROR_CHARACTER) ;
