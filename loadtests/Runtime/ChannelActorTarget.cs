using System.Threading.Channels;

namespace Hospital.LoadTests.Runtime;

/// <summary>Baseline: the minimal actor, one Channel and one reader loop per key, answering through a TaskCompletionSource.</summary>
internal sealed class ChannelActorTarget : IBenchTarget
{
    private readonly ChannelActor[] _actors;

    public ChannelActorTarget(int keys) => _actors = Enumerable.Range(0, keys).Select(_ => new ChannelActor()).ToArray();

    public string Name => "channel actor";

    public Task<int> CallAsync(int key) => _actors[key].CallAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var actor in _actors) actor.Complete();
        await Task.WhenAll(_actors.Select(actor => actor.Reader));
    }

    private sealed class ChannelActor
    {
        private readonly Channel<TaskCompletionSource<int>> _mailbox =
            Channel.CreateUnbounded<TaskCompletionSource<int>>(new UnboundedChannelOptions { SingleReader = true });
        private int _count;

        public ChannelActor() => Reader = Task.Run(ReadAsync);

        public Task Reader { get; }

        public Task<int> CallAsync()
        {
            var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _mailbox.Writer.TryWrite(completion);
            return completion.Task;
        }

        public void Complete() => _mailbox.Writer.Complete();

        private async Task ReadAsync()
        {
            await foreach (var completion in _mailbox.Reader.ReadAllAsync()) completion.SetResult(++_count);
        }
    }
}
