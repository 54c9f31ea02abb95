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

    private static InvalidationTargetModel ToModel(InvalidationTarget target)
    {
        // The same names as the cached method's key: its parameters are this method's same-named parameters.
        // In the same type its key members are read from this instance (InvalidationShape checked both); another
        // type's accessor reads its (static) key members itself.
        CachedShape cached = target.Cached;
        var arguments = cached.KeyParameters.Select(p => MethodModelParser.Escape(p.Name));
        if (target.OtherType is null)
        {
            arguments = arguments.Concat(cached.KeyMembers.Select(m => (m.IsStatic ? "" : "this.") + MethodModelParser.Escape(m.Name)));
        }

        return new InvalidationTargetModel(
            target.OtherType?.ToDisplayString(MethodModelParser.FullyQualified),
            MethodModelParser.MemberSuffix(target.Definition),
            arguments.ToEquatableArray());
    }
}
