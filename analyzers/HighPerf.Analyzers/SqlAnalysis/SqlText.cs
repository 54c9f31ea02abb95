using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>What the analyzer knows about the SQL text passed at a call site.</summary>
internal enum SqlTextKind
{
    /// <summary>The full text is known at compile time; the engine can check it.</summary>
    Constant,

    /// <summary>The text is built from run-time values (HP1007); the engine must not guess.</summary>
    Dynamic,

    /// <summary>The text comes from somewhere we cannot see (a parameter, a property); no opinion.</summary>
    Unknown,
}

/// <summary>The outcome of <see cref="SqlTextBuilder"/>.</summary>
internal sealed class SqlText
{
    private SqlText(SqlTextKind kind, string? text, SqlSourceMap? map, SyntaxNode? dynamicPart, IReadOnlyList<SyntaxNode>? dynamicValues = null)
    {
        DynamicValues = dynamicValues ?? System.Array.Empty<SyntaxNode>();
        Kind = kind;
        Text = text;
        Map = map;
        DynamicPart = dynamicPart;
    }

    public SqlTextKind Kind { get; }

    /// <summary>The assembled SQL when <see cref="Kind"/> is <see cref="SqlTextKind.Constant"/>.</summary>
    public string? Text { get; }

    /// <summary>Maps offsets in <see cref="Text"/> back to source.</summary>
    public SqlSourceMap? Map { get; }

    /// <summary>The expression that makes the text dynamic (an interpolated string, a concatenation, a call).</summary>
    public SyntaxNode? DynamicPart { get; }

    /// <summary>The run-time values glued into the text: interpolation holes, concatenated variables, format calls.</summary>
    public IReadOnlyList<SyntaxNode> DynamicValues { get; }

    public static SqlText Unknown { get; } = new(SqlTextKind.Unknown, null, null, null);

    public static SqlText Constant(string text, SqlSourceMap map) => new(SqlTextKind.Constant, text, map, null);

    public static SqlText Dynamic(SyntaxNode part, IReadOnlyList<SyntaxNode> values) => new(SqlTextKind.Dynamic, null, null, part, values);
}
