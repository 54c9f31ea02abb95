using System.Linq;
using HighPerf.Generators.Model;
using HighPerf.Generators.Shape;
using Microsoft.CodeAnalysis;

namespace HighPerf.Generators.Parsing;

/// <summary>Turns the targets of a valid <see cref="InvalidationShape"/> into <see cref="InvalidationTargetModel"/>s.</summary>
internal static class InvalidationModelParser
{
    public static EquatableArray<InvalidationTargetModel> Parse(InvalidationShape shape) =>
        shape.Targets.Select(ToModel).ToEquatableArray();

    private static InvalidationTargetModel ToModel(CachedShape target)
    {
        // The same names as the cached method's key: its parameters are this method's same-named parameters,
        // its key members are read from this instance (InvalidationShape checked both).
        var arguments = target.KeyParameters.Select(p => MethodModelParser.Escape(p.Name))
            .Concat(target.KeyMembers.Select(m => (m.IsStatic ? "" : "this.") + MethodModelParser.Escape(m.Name)));
        return new InvalidationTargetModel(MethodModelParser.MemberSuffix(target.Method), arguments.ToEquatableArray());
    }
}
