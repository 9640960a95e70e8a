/**
 * JavaScript's whitespace: what `\s` matches and `String.prototype.trim` removes (WhiteSpace and
 * LineTerminator). SQL engines mean less by `\s` and `trim()`, so the compiler spells these out.
 * None of them is special inside a regex character class.
 */
export const JS_WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
