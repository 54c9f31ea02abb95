using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Names of the methods, constructors (by type name) and properties that take <c>[StringSyntax("PostgreSQL")]</c>
/// text, found without binding anything: attributes in the declarations of each syntax tree, and the members of
/// referenced non-framework assemblies. Both are cached per tree and per assembly symbol, which the IDE reuses
/// across compilations, so an edit rescans only the edited file.
/// </summary>
internal static class PostgreSqlMarkedNames
{
    private static readonly ConditionalWeakTable<SyntaxTree, string[]> TreeNames = new();
    private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> AssemblyNames = new();

    private static readonly string[] FrameworkPrefixes = ["System", "Microsoft.", "mscorlib", "netstandard", "Npgsql", "Dapper", "WindowsBase"];

    public static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            names.UnionWith(TreeNames.GetValue(tree, t => FromTree(t, cancellationToken)));
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!IsFramework(assembly.Name))
            {
                names.UnionWith(AssemblyNames.GetValue(assembly, FromAssembly));
            }
        }

        return names;
    }

    private static string[] FromTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var names = new List<string>();

        // Declarations only: attributes never sit inside method bodies, which are most of the text.
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax)))
        {
            if (node is AttributeSyntax attribute && IsStringSyntax(attribute) && MarkedMemberName(attribute) is { } name)
            {
                names.Add(name);
            }
        }

        return names.ToArray();
    }

    private static bool IsStringSyntax(AttributeSyntax attribute)
    {
        var name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : attribute.Name.ToString();
        if (name is not ("StringSyntax" or "StringSyntaxAttribute") || attribute.ArgumentList?.Arguments.Count is not > 0)
        {
            return false;
        }

        // A constant instead of a literal cannot be read without binding: count it in rather than miss a call site.
        var first = attribute.ArgumentList.Arguments[0].Expression;
        return first is not LiteralExpressionSyntax literal
            || string.Equals(literal.Token.ValueText, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
    }

    private static string? MarkedMemberName(AttributeSyntax attribute) => attribute.Parent?.Parent switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        ParameterSyntax { Parent: ParameterListSyntax { Parent: var owner } } => owner switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
            TypeDeclarationSyntax type => type.Identifier.ValueText,
            _ => null,
        },
        _ => null,
    };

    private static string[] FromAssembly(IAssemblySymbol assembly)
    {
        var names = new List<string>();
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            foreach (var member in types.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container:
                        types.Push(container);
                        break;
                    case IMethodSymbol method when HasMarkedParameter(method):
                        names.Add(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);
                        break;
                    case IPropertySymbol { Type.SpecialType: SpecialType.System_String } property when IsMarked(property.GetAttributes()):
                        names.Add(property.Name);
                        break;
                }
            }
        }

        return names.ToArray();
    }

    private static bool HasMarkedParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && IsMarked(parameter.GetAttributes()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarked(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.Name == "StringSyntaxAttribute"
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string syntax
                && string.Equals(syntax, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFramework(string assemblyName)
    {
        foreach (var prefix in FrameworkPrefixes)
        {
            if (assemblyName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
