using System.Collections;
using System.Reflection;
using HighPerf.Generators.Model;

namespace HighPerf.Generators.Tests.Generator;

/// <summary>
/// Pipeline models must compare by value and never pin compiler state: no Roslyn types, no arrays or
/// collections with reference equality, anywhere in the object graph.
/// </summary>
public sealed class ModelShapeTests
{
    public static TheoryData<Type> ModelTypes()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in FindModelTypes())
        {
            data.Add(type);
        }

        return data;
    }

    private static IEnumerable<Type> FindModelTypes() =>
        typeof(MethodPlan).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(MethodPlan).Namespace && !t.IsEnum && !t.IsGenericTypeDefinition && !t.IsAbstract);

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void ModelType_HoldsOnlyValueEqualPlainData(Type modelType)
    {
        var problems = new List<string>();
        Check(modelType, modelType.Name, problems, []);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ModelNamespace_ContainsThePlan()
    {
        Assert.Contains(typeof(MethodPlan), FindModelTypes());
    }

    private static void Check(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
        {
            return;
        }

        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            problems.Add($"{path}: Roslyn type {type.FullName}");
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            Check(type.GetGenericArguments()[0], path + "[]", problems, seen);
            return;
        }

        if (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type))
        {
            problems.Add($"{path}: {type.Name} compares by reference; use EquatableArray<T>");
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Check(underlying, path, problems, seen);
            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Check(field.FieldType, path + "." + field.Name, problems, seen);
        }
    }
}
