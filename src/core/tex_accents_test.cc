#include "core/tex_accents.h"

#include <gtest/gtest.h>

#include <string>

namespace coolpapers {
namespace {

struct Case {
  std::string tex;
  std::string text;
};

void ExpectDecodes(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(DecodeTexAccents(c.tex), c.text) << "input: " << c.tex;
  }
}

TEST(DecodeTexAccents, DecodesSymbolAccentsInEveryBraceForm) {
  ExpectDecodes({
      {R"({\"o})", "ö"},
      {R"(\"o)", "ö"},
      {R"(\"{o})", "ö"},
      {R"({\"{o}})", "ö"},
      {R"(\'e)", "é"},
      {R"(\'{e})", "é"},
      {R"({\'e})", "é"},
      {R"(\`a)", "à"},
      {R"(\^o)", "ô"},
      {R"(\~n)", "ñ"},
      {R"(\~N)", "Ñ"},
      {R"(\=a)", "ā"},
      {R"(\.z)", "ż"},
      {R"(\"U)", "Ü"},
      {R"(\'{ E })", "É"},
  });
}

TEST(DecodeTexAccents, DecodesLetterAccentsWithSpaceOrBraces) {
  ExpectDecodes({
      {R"(\u g)", "ğ"},
      {R"(\u{g})", "ğ"},
      {R"(\v c)", "č"},
      {R"(\v{C})", "Č"},
      {R"(\v{S})", "Š"},
      {R"(\H o)", "ő"},
      {R"(\H{U})", "Ű"},
      {R"(\c c)", "ç"},
      {R"(\c{c})", "ç"},
      {R"({\c c})", "ç"},
      {R"({\c{c}})", "ç"},
      {R"(\c{S})", "Ş"},
      {R"(\k a)", "ą"},
      {R"(\k{e})", "ę"},
      {R"(\r a)", "å"},
      {R"(\r{u})", "ů"},
      {R"(\c {c})", "ç"},
  });
}

TEST(DecodeTexAccents, DecodesSpecialLetters) {
  ExpectDecodes({
      {R"(\aa)", "å"},
      {R"(\AA)", "Å"},
      {R"(\o)", "ø"},
      {R"(\O)", "Ø"},
      {R"(\ss)", "ß"},
      {R"(\l)", "ł"},
      {R"(\L)", "Ł"},
      {R"(\ae)", "æ"},
      {R"(\AE)", "Æ"},
      {R"(\oe)", "œ"},
      {R"(\OE)", "Œ"},
      {R"(\i)", "ı"},
      {R"({\o})", "ø"},
      {R"({\ss})", "ß"},
      {R"(\ss{})", "ß"},
      {R"(Bj{\o}rn)", "Bjørn"},
      {R"(Bj\o rn)", "Bjørn"},
      {R"(\AA ngstr\"om)", "Ångström"},
      {R"(Gau\ss{} law)", "Gauß law"},
      {R"(\L{}ukasiewicz)", "Łukasiewicz"},
      {R"({\L}ukasiewicz)", "Łukasiewicz"},
      {R"(\th orn)", "þorn"},
  });
}

TEST(DecodeTexAccents, PutsAccentsOnDotlessI) {
  ExpectDecodes({
      {R"(\"\i)", "ï"},
      {R"(\'\i)", "í"},
      {R"(\'{\i})", "í"},
      {R"({\'\i})", "í"},
      {R"(\^{\i})", "î"},
      {R"(Mart\'{\i}nez)", "Martínez"},
      {R"(Ni\~{n}o)", "Niño"},
  });
}

TEST(DecodeTexAccents, FallsBackToCombiningMarksWithoutAPrecomposedForm) {
  ExpectDecodes({
      {R"(\"q)", "q\xCC\x88"},   // q + U+0308
      {R"(\r x)", "x\xCC\x8A"},  // x + U+030A
      {R"(\H{a})", "a\xCC\x8B"},
  });
}

TEST(DecodeTexAccents, DecodesRealArxivText) {
  ExpectDecodes({
      {R"(C. Bal\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan)",
       "C. Balázs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan"},
      {R"(Schr{\"o}dinger)", "Schrödinger"},
      {R"(the matrix nonlinear Schr\"{o}dinger equation)",
       "the matrix nonlinear Schrödinger equation"},
      {R"(Gr\"obner basis)", "Gröbner basis"},
      {R"(Universit\"at Stuttgart)", "Universität Stuttgart"},
      {R"(compact K\"ahler manifold)", "compact Kähler manifold"},
      {R"(Fran\c{c}ois and Ho\`ang)", "François and Hoàng"},
  });
}

TEST(DecodeTexAccents, DecodesTheWholeStandardAccentSet) {
  ExpectDecodes({
      {R"(Tol\'ul\d{o}p\'e)", "Tolúlọpé"},  // 2510.02569
      {R"(\v{s} \H{o} \k{a} \c{s} \r{u} \u{g} \={a} \.{z} \b{k} \d{s})",
       "š ő ą ş ů ğ ā ż ḵ ṣ"},
      {R"({\o} {\O} {\l} {\L} {\ss} {\aa} \'{\i} {\i})", "ø Ø ł Ł ß å í ı"},
  });
}

TEST(DecodeTexAccents, AccentsLettersThatAreAlreadyAccented) {
  ExpectDecodes({
      {R"(Nguy\~ên)", "Nguyễn"},  // 2507.06261
      {R"(Nguy\~{ê}n Ph\d{ư}\'{ơ}ng)", "Nguyễn Phựớng"},
      {R"(\'Ω)", "Ώ"},
      {R"(\'– and \'€)", R"(\'– and \'€)"},  // not letters: no argument
  });
}

TEST(DecodeTexAccents, LeavesMathUntouched) {
  ExpectDecodes({
      {R"($\"o$ and \"o)", R"($\"o$ and ö)"},
      {R"($$\'e + \bar x$$ \'e)", R"($$\'e + \bar x$$ é)"},
      {R"(\(\"a\) \"a)", R"(\(\"a\) ä)"},
      {R"(\[\"a\] \"a)", R"(\[\"a\] ä)"},
      {R"($x = \$5 \"o$ \"o)", R"($x = \$5 \"o$ ö)"},
      {R"(costs \$5 or \$6 in K\"oln)", R"(costs \$5 or \$6 in Köln)"},
      {R"(an unclosed $ sign, K\"oln)", R"(an unclosed $ sign, Köln)"},
      {R"($\alpha$-\"o $\beta$)", R"($\alpha$-ö $\beta$)"},
  });
}

TEST(DecodeTexAccents, LeavesUnknownCommandsAndTextAlone) {
  ExpectDecodes({
      {"", ""},
      {"plain text", "plain text"},
      {"Schrödinger", "Schrödinger"},
      {R"(\emph{x})", R"(\emph{x})"},
      {R"(\emph{\"o})", R"(\emph{ö})"},
      {R"(\alpha-\beta)", R"(\alpha-\beta)"},
      {R"(\textbf{Bold} and {\em it})", R"(\textbf{Bold} and {\em it})"},
      {R"(50\% of \cite{x})", R"(50\% of \cite{x})"},
      // arXiv's own mangled "\beta" and "\rho": two letters are no accent argument.
      {R"(\b{eta}-VAE and \r{ho} = 0.3)", R"(\b{eta}-VAE and \r{ho} = 0.3)"},
      {R"(\cc \vec{v} \ccc)", R"(\cc \vec{v} \ccc)"},
      {R"(\' e and \'1 and \'{})", R"(\' e and \'1 and \'{})"},
      {R"(\"{o and more})", R"(\"{o and more})"},
      {R"({\"o and more})", R"({ö and more})"},
      {R"(line\\break \\)", R"(line\\break \\)"},
      {R"(\i n \in \it)", R"(ın \in \it)"},
      {"trailing \\", "trailing \\"},
      {R"(\")", R"(\")"},
      {R"({\")", R"({\")"},
  });
}

}  // namespace
}  // namespace coolpapers
