using HighPerf.Generators.Model;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Shape;

/// <summary>Classifies a return type into a <see cref="ReturnKind"/>, or none when the pipeline cannot wrap it.</summary>
internal static class ReturnShape
{
    public static bool TryClassify(IMethodSymbol method, out ReturnKind kind, out ITypeSymbol? resultType)
    {
        kind = ReturnKind.Value;
        resultType = null;
        ITypeSymbol type = method.ReturnType;

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return false;
        }

        if (method.ReturnsVoid)
        {
            kind = ReturnKind.Void;
            return true;
        }

        string name = TypeNames.FullMetadataName(type);
        switch (name)
        {
            case KnownNames.Task:
                kind = ReturnKind.Task;
                return true;
            case KnownNames.ValueTask:
                kind = ReturnKind.ValueTask;
                return true;
            case KnownNames.TaskOfT:
                kind = ReturnKind.TaskOfT;
                resultType = ((INamedTypeSymbol)type).TypeArguments[0];
                return true;
            case KnownNames.ValueTaskOfT:
                kind = ReturnKind.ValueTaskOfT;
                resultType = ((INamedTypeSymbol)type).TypeArguments[0];
                return true;
        }

        // Measuring the creation of a lazy sequence or a foreign awaitable would report a meaningless duration.
        if (TypeNames.IsOrImplements(type, KnownNames.IAsyncEnumerableOfT) || HasGetAwaiter(type))
        {
            return false;
        }

        resultType = type;
        return true;
    }

    private static bool HasGetAwaiter(ITypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers("GetAwaiter"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false })
            {
                return true;
            }
        }

        return false;
    }
}
