using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.CodeFixes.Usage;

/// <summary>Adds the <c>partial</c> modifier where the language requires it: last, right before the keyword or return type.</summary>
internal static class PartialModifier
{
    public static bool IsPresent(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.PartialKeyword);

    public static TypeDeclarationSyntax AddTo(TypeDeclarationSyntax type)
    {
        if (IsPresent(type.Modifiers))
        {
            return type;
        }

        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(Space(SyntaxKind.PartialKeyword)));
        }

        // With no modifiers the keyword carries the indentation and doc comments; they move to 'partial'.
        SyntaxToken keyword = type.Keyword;
        return type
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(Space(SyntaxKind.PartialKeyword).WithLeadingTrivia(keyword.LeadingTrivia)));
    }

    /// <summary>A modifier token followed by one space.</summary>
    public static SyntaxToken Space(SyntaxKind kind) =>
        SyntaxFactory.Token(SyntaxFactory.TriviaList(), kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));
}
