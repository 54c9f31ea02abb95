using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HighPerf.Analyzers.SqlAnalysis;

/// <summary>
/// Decides whether a call site runs once per element of something (HP1006): inside the body or condition of a
/// for/foreach/while/do loop (await foreach included), or inside a lambda run per element by
/// <c>Parallel.ForEach(Async)</c>, <c>List.ForEach</c>, or an <c>Enumerable.Select</c> whose result feeds
/// <c>Task.WhenAll</c>. Other lambdas are climbed through (a <c>Task.Run</c> per iteration is still one query per
/// iteration); climbing stops at the enclosing method or local function.
/// </summary>
internal sealed class SqlLoopDetector
{
    private readonly SqlKnownTypes types;

    public SqlLoopDetector(SqlKnownTypes types) => this.types = types;

    /// <summary>The loop or per-element call that repeats <paramref name="callSite"/>, or null.</summary>
    public IOperation? FindRepeatingConstruct(IOperation callSite)
    {
        var child = callSite;
        for (var current = callSite.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop when RepeatsChild(loop, child):
                    return loop;
                case IAnonymousFunctionOperation lambda when PerElementInvocation(lambda) is { } perElement:
                    return perElement;
                case ILocalFunctionOperation:
                case IMethodBodyBaseOperation:
                    return null;
            }
        }

        return null;
    }

    // A foreach's collection and a for's initializer run once; everything else in a loop runs per iteration.
    private static bool RepeatsChild(ILoopOperation loop, IOperation child) => loop switch
    {
        IForEachLoopOperation forEach => child != forEach.Collection,
        IForLoopOperation forLoop => !forLoop.Before.Contains(child),
        _ => true,
    };

    private IOperation? PerElementInvocation(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            return null;
        }

        var method = invocation.TargetMethod;
        var containing = method.ContainingType?.OriginalDefinition;
        if (Is(containing, types.Parallel) && method.Name is "ForEach" or "ForEachAsync" or "For" or "ForAsync")
        {
            return invocation;
        }

        if (method.Name == "ForEach" && containing is { Name: "List", ContainingNamespace.Name: "Generic" })
        {
            return invocation;
        }

        return Is(containing, types.Enumerable) && method.Name == "Select" && FeedsWhenAll(invocation) ? invocation : null;
    }

    // Select(...) -> [ToArray()/ToList()] -> Task.WhenAll(...): every element's query starts at once.
    private bool FeedsWhenAll(IInvocationOperation select)
    {
        IOperation current = select;
        for (var hops = 0; hops < 4 && current.Parent is { } parent; hops++, current = parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IArgumentOperation:
                    continue;
                case IInvocationOperation { TargetMethod: var method } when Is(method.ContainingType?.OriginalDefinition, types.Task):
                    return method.Name is "WhenAll" or "WhenAny";
                case IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" }:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
