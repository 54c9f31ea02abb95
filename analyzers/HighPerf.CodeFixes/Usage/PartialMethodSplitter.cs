using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.CodeFixes.Usage;

/// <summary>
/// Splits a method with a body into the partial declaration the generator implements (attributes, doc
/// comments and default values stay there; no <c>async</c>, no body) and the private implementation method
/// that keeps the body (no attributes, no default values), placed right after it.
/// </summary>
internal static class PartialMethodSplitter
{
    private static readonly SyntaxKind[] Accessibility =
        [SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.InternalKeyword];

    // The implementation keeps only what changes how its body compiles, in the usual modifier order.
    private static readonly SyntaxKind[] KeptOnImplementation =
        [SyntaxKind.StaticKeyword, SyntaxKind.ReadOnlyKeyword, SyntaxKind.UnsafeKeyword, SyntaxKind.AsyncKeyword];

    public static SyntaxNode[] Split(MethodDeclarationSyntax method, string implementationName, SyntaxTrivia endOfLine) =>
        [Declaration(method), Implementation(method, implementationName, endOfLine)];

    private static MethodDeclarationSyntax Declaration(MethodDeclarationSyntax method)
    {
        var kinds = new List<SyntaxKind>();
        if (!method.Modifiers.Any(m => Accessibility.Contains(m.Kind())))
        {
            // A partial method with a non-void return type must state its accessibility; private is what it had.
            kinds.Add(SyntaxKind.PrivateKeyword);
        }

        kinds.AddRange(method.Modifiers.Select(m => m.Kind()).Where(k => k is not (SyntaxKind.AsyncKeyword or SyntaxKind.PartialKeyword)));
        kinds.Add(SyntaxKind.PartialKeyword);

        SyntaxToken beforeBody = LastTokenBeforeBody(method);
        SyntaxTriviaList afterBody = method.GetLastToken().TrailingTrivia;
        MethodDeclarationSyntax withoutBody = method
            .ReplaceToken(beforeBody, beforeBody.WithTrailingTrivia())
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, afterBody));
        return WithModifiers(withoutBody, kinds, HeadTrivia(method));
    }

    private static MethodDeclarationSyntax Implementation(MethodDeclarationSyntax method, string implementationName, SyntaxTrivia endOfLine)
    {
        var kinds = new List<SyntaxKind> { SyntaxKind.PrivateKeyword };
        kinds.AddRange(KeptOnImplementation.Where(kind => method.Modifiers.Any(kind)));

        var leading = new List<SyntaxTrivia>();
        if (!method.GetLastToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
        {
            leading.Add(endOfLine);
        }

        leading.AddRange(Indentation(method.GetLeadingTrivia()));

        MethodDeclarationSyntax implementation = SyntaxFactory.MethodDeclaration(
            attributeLists: default,
            modifiers: default,
            returnType: method.ReturnType,
            explicitInterfaceSpecifier: null,
            identifier: SyntaxFactory.Identifier(implementationName).WithTriviaFrom(method.Identifier),
            typeParameterList: method.TypeParameterList,
            parameterList: method.ParameterList.WithParameters(
                SyntaxFactory.SeparatedList(method.ParameterList.Parameters.Select(ForImplementation), method.ParameterList.Parameters.GetSeparators())),
            constraintClauses: method.ConstraintClauses,
            body: method.Body,
            expressionBody: method.ExpressionBody,
            semicolonToken: method.SemicolonToken);
        return WithModifiers(implementation, kinds, SyntaxFactory.TriviaList(leading));
    }

    /// <summary>No default value, no attributes (caller-info attributes need one) and no <c>this</c>.</summary>
    private static ParameterSyntax ForImplementation(ParameterSyntax parameter)
    {
        ParameterSyntax result = parameter;
        if (result.Default is not null)
        {
            result = result.WithDefault(null).WithIdentifier(result.Identifier.WithTrailingTrivia());
        }

        return result
            .WithAttributeLists(default)
            .WithModifiers(SyntaxFactory.TokenList(result.Modifiers.Where(m => !m.IsKind(SyntaxKind.ThisKeyword))))
            .WithLeadingTrivia(parameter.GetLeadingTrivia());
    }

    private static MethodDeclarationSyntax WithModifiers(MethodDeclarationSyntax method, List<SyntaxKind> kinds, SyntaxTriviaList head)
    {
        SyntaxToken[] tokens = kinds.Select(PartialModifier.Space).ToArray();
        tokens[0] = tokens[0].WithLeadingTrivia(head);
        return method
            .WithModifiers(SyntaxFactory.TokenList(tokens))
            .WithReturnType(method.ReturnType.WithLeadingTrivia());
    }

    /// <summary>The trivia before the first modifier (or the return type), which the new first modifier takes over.</summary>
    private static SyntaxTriviaList HeadTrivia(MethodDeclarationSyntax method) =>
        method.Modifiers.Count > 0 ? method.Modifiers[0].LeadingTrivia : method.ReturnType.GetLeadingTrivia();

    /// <summary>The whitespace that starts the method's line: what follows the last line break or doc comment.</summary>
    private static IEnumerable<SyntaxTrivia> Indentation(SyntaxTriviaList leading)
    {
        int start = 0;
        for (int i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
            {
                start = i + 1;
            }
        }

        return leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
    }

    private static SyntaxToken LastTokenBeforeBody(MethodDeclarationSyntax method) =>
        method.ConstraintClauses.Count > 0 ? method.ConstraintClauses.Last().GetLastToken() : method.ParameterList.CloseParenToken;
}
