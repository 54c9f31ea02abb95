using HighPerf;

namespace HighPerf.Generators.Tests.TestClasses;

/// <summary>Containing-type shapes the generator must handle: nested, generic, struct, record, static.</summary>
public static partial class TrackedShapes
{
    public partial class Repository<TItem>
        where TItem : class
    {
        private readonly List<TItem> _items = [];

        [TrackPerformance]
        public partial int Store(TItem item);

        private int StoreCore(TItem item)
        {
            _items.Add(item);
            return _items.Count;
        }

        public partial struct Cursor
        {
            public int Position;

            [TrackPerformance]
            public partial int Advance(int by);

            private int AdvanceCore(int by) => Position += by;
        }
    }

    public partial record Invoice(decimal Net)
    {
        [TrackPerformance]
        public partial decimal Gross(decimal rate, params decimal[] surcharges);

        private decimal GrossCore(decimal rate, params decimal[] surcharges) => (Net * (1 + rate)) + surcharges.Sum();
    }

    [TrackPerformance]
    public static partial string Join(string? @class, string separator = ",");

    private static string JoinCore(string? @class, string separator) => @class + separator;

    [TrackPerformance]
    public static partial int Twice(this int value);

    private static int TwiceCore(int value) => value * 2;

    [TrackPerformance]
    public static partial int Overloaded(int value);

    [TrackPerformance]
    public static partial int Overloaded(string value);

    private static int OverloadedCore(int value) => value;

    private static int OverloadedCore(string value) => value.Length;
}
