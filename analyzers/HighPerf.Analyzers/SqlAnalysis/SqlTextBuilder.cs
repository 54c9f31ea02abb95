using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Assembles the SQL text of a call site from literals, constants, constant concatenations and interpolations
/// whose holes are constants, following single-assignment locals and static readonly fields to their
/// initializers. Anything built from run-time values is reported as dynamic.
/// </summary>
internal sealed class SqlTextBuilder
{
    // Guards against initializer cycles (static readonly A = B + ""; B = A + "") and pathological chains.
    private const int MaxDepth = 8;

    private readonly StringBuilder text = new();
    private readonly SqlSourceMap map = new();
    private readonly CancellationToken cancellationToken;
    private SqlTextKind kind = SqlTextKind.Constant;
    private SyntaxNode? dynamicPart;
    private readonly List<SyntaxNode> dynamicValues = new();

    private SqlTextBuilder(CancellationToken cancellationToken) => this.cancellationToken = cancellationToken;

    public static SqlText Build(IOperation sql, CancellationToken cancellationToken)
    {
        var builder = new SqlTextBuilder(cancellationToken);
        builder.Visit(sql, 0);
        return builder.kind switch
        {
            SqlTextKind.Constant => SqlText.Constant(builder.text.ToString(), builder.map),
            SqlTextKind.Dynamic => SqlText.Dynamic(builder.dynamicPart!, builder.dynamicValues),
            _ => SqlText.Unknown,
        };
    }

    private void Visit(IOperation operation, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (operation is IConversionOperation { IsImplicit: true, Operand: var operand })
        {
            operation = operand;
        }

        if (depth > MaxDepth)
        {
            kind = SqlTextKind.Unknown;
            return;
        }

        switch (operation)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } }:
                AddPiece(literal, operation.Syntax, StringLiteralMapper.Map(operation.Syntax, literal));
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                VisitOperand(concatenation.LeftOperand, concatenation, depth);
                VisitOperand(concatenation.RightOperand, concatenation, depth);
                break;
            case IInterpolatedStringOperation interpolated:
                VisitInterpolation(interpolated);
                break;
            case { ConstantValue: { HasValue: true } constant }:
                AddPiece(constant.Value as string ?? string.Empty, operation.Syntax, charStarts: null);
                break;
            case ILocalReferenceOperation { Local: var local }:
                VisitInitializer(operation, SingleAssignmentInitializer.Find(local, cancellationToken), depth);
                break;
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                VisitInitializer(operation, SingleAssignmentInitializer.Find(field, cancellationToken), depth);
                break;
            case IInvocationOperation invocation when IsStringBuilding(invocation.TargetMethod):
                dynamicValues.Add(operation.Syntax);
                MarkDynamic(operation.Syntax);
                break;
            default:
                kind = SqlTextKind.Unknown;
                break;
        }
    }

    private void VisitOperand(IOperation operand, IOperation concatenation, int depth)
    {
        if (kind != SqlTextKind.Constant)
        {
            return;
        }

        Visit(operand, depth);
        if (kind == SqlTextKind.Unknown)
        {
            dynamicValues.Add(operand.Syntax);
        }

        // Gluing an unknown value into SQL text is exactly the concatenation HP1007 is about; the outermost
        // concatenation is reported so that the diagnostic covers the whole expression.
        if (kind != SqlTextKind.Constant)
        {
            MarkDynamic(concatenation.Syntax, outermost: true);
        }
    }

    private void VisitInterpolation(IInterpolatedStringOperation interpolated)
    {
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation { Text: { ConstantValue: { HasValue: true, Value: string value } } textPart }:
                    AddPiece(value, textPart.Syntax, StringLiteralMapper.Map(textPart.Syntax, value));
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null, Expression: var hole } when HoleText(hole) is { } holeText:
                    AddPiece(holeText, hole.Syntax, charStarts: null);
                    break;
                case IInterpolationOperation { Expression: var hole } when !hole.ConstantValue.HasValue:
                    dynamicValues.Add(hole.Syntax);
                    MarkDynamic(interpolated.Syntax);
                    break;
                default:
                    // A constant whose text depends on formatting (an enum name, a double): not injectable, not checkable.
                    if (kind == SqlTextKind.Constant)
                    {
                        kind = SqlTextKind.Unknown;
                    }

                    break;
            }
        }
    }

    private void VisitInitializer(IOperation reference, SyntaxNode? initializer, int depth)
    {
        var model = reference.SemanticModel;
        if (initializer is null || model is null || initializer.SyntaxTree != model.SyntaxTree)
        {
            kind = SqlTextKind.Unknown;
            return;
        }

        if (model.GetOperation(initializer, cancellationToken) is { } value)
        {
            Visit(value, depth + 1);
        }
        else
        {
            kind = SqlTextKind.Unknown;
        }
    }

    /// <summary>The text a constant hole contributes, when its formatting does not depend on the culture.</summary>
    private static string? HoleText(IOperation hole)
    {
        if (!hole.ConstantValue.HasValue || hole.Type is null || hole.Type.TypeKind == TypeKind.Enum)
        {
            return null;
        }

        return hole.ConstantValue.Value switch
        {
            string s => s,
            null => string.Empty,
            int or long or short or byte or sbyte or ushort or uint or ulong or char or bool =>
                System.Convert.ToString(hole.ConstantValue.Value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static bool IsStringBuilding(IMethodSymbol method) =>
        method.ReturnType.SpecialType == SpecialType.System_String
        && (method.ContainingType.SpecialType == SpecialType.System_String
            || (method.Name == nameof(ToString) && method.ContainingType is { Name: "StringBuilder", ContainingNamespace.Name: "Text" }));

    private void AddPiece(string value, SyntaxNode syntax, int[]? charStarts)
    {
        if (value.Length > 0)
        {
            map.Add(text.Length, value.Length, syntax.SyntaxTree, charStarts, syntax.Span);
            text.Append(value);
        }
    }

    private void MarkDynamic(SyntaxNode syntax, bool outermost = false)
    {
        kind = SqlTextKind.Dynamic;
        if (dynamicPart is null || (outermost && syntax.SyntaxTree == dynamicPart.SyntaxTree && syntax.Span.Contains(dynamicPart.Span)))
        {
            dynamicPart = syntax;
        }
    }
}
