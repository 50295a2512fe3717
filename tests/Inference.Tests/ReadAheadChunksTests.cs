namespace Sora.Inference.Tests;

public sealed class ReadAheadChunksTests
{
    [Fact]
    public async Task The_source_makes_the_next_item_while_the_consumer_works_on_the_current_one()
    {
        var secondAskedFor = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<int> Source()
        {
            yield return 1;
            secondAskedFor.TrySetResult();
            await Task.Yield();
            yield return 2;
        }

        var seen = new List<int>();
        await foreach (var item in Source().ReadAhead(1))
        {
            // Still busy with the first item: the source must be asked for the second without waiting for us.
            if (item == 1) await secondAskedFor.Task.WaitAsync(TimeSpan.FromSeconds(10));
            seen.Add(item);
        }

        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public async Task Items_come_in_order_and_the_sources_error_after_the_items_made_before_it()
    {
        async IAsyncEnumerable<int> Failing()
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Yield();
                yield return i;
            }
            throw new InvalidDataException("engine broke");
        }

        var seen = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var item in Failing().ReadAhead(2)) seen.Add(item);
        });

        Assert.Equal("engine broke", error.Message);
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_source()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<int> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    await Task.Delay(1, ct);
                    yield return i;
                }
            }
            finally
            {
                stopped.TrySetResult();
            }
        }

        await foreach (var item in Endless().ReadAhead(1))
            if (item == 3) break;

        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
