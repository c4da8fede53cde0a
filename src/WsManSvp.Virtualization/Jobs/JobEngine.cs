using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Storage;

namespace WsManSvp.Virtualization.Jobs;

/// <summary>
/// Runs asynchronous tasks as CIM_ConcreteJob instances: each job is persisted before a client can learn of
/// it and at every state change, runs on the thread pool, can be terminated or killed while it runs, and is
/// removed TimeBeforeRemoval after it finishes when DeleteOnCompletion is set. On open, jobs a previous run
/// left unfinished (a crash, a kill -9) are marked Exception: interrupted.
/// </summary>
public sealed class JobEngine : IAsyncDisposable
{
    public const string TableName = "jobs";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly DocumentTable? _table;
    private readonly JobSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _sweeper;

    private JobEngine(DocumentTable? table, JobSettings settings, TimeProvider time, ILogger logger)
    {
        _table = table;
        _settings = settings;
        _time = time;
        _logger = logger;
        _sweeper = SweepAsync();
    }

    public JobSettings Settings => _settings;

    /// <summary>
    /// Each change of a job as it becomes visible (after it is persisted), in order per job: its creation, every
    /// state and progress change, its removal. Handlers run on the changing thread, inside the job's one-change-
    /// at-a-time gate, so they must neither block nor throw.
    /// </summary>
    public event Action<JobChange>? Changed;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>An engine whose jobs live in memory only (tests, benchmarks).</summary>
    public static JobEngine InMemory(JobSettings? settings = null, TimeProvider? time = null) =>
        new(null, settings ?? new JobSettings(), time ?? TimeProvider.System, NullLogger.Instance);

    /// <summary>Opens the engine on the state database (null: jobs live in memory only), recovering the jobs stored there.</summary>
    public static async Task<JobEngine> OpenAsync(StateDatabase? database, JobSettings settings, TimeProvider? time = null, ILogger? logger = null)
    {
        var table = database is null ? null : new DocumentTable(database, TableName);
        var engine = new JobEngine(table, settings, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        if (table is null) return engine;
        var interrupted = new List<Job>();
        foreach (var (_, document) in table.LoadAll())
        {
            var job = JsonSerializer.Deserialize(document, JobJson.Default.Job) ?? throw new JsonException("A stored job is null.");
            if (!job.State.IsFinished())
            {
                job = engine.Finish(job, JobState.Exception, [], new JobError(2,
                    "Interrupted: the service stopped before this job finished; its operation may or may not have taken effect.",
                    (uint)CimStatus.Failed, JobErrorKind.Interrupted));
                interrupted.Add(job);
            }
            engine._entries[job.Id] = new Entry(job);
        }
        if (interrupted.Count > 0)
            await table.PutAsync(interrupted.Select(j => KeyValuePair.Create(j.Id, Serialize(j))).ToArray()).ConfigureAwait(false);
        return engine;
    }

    /// <summary>Every job now, oldest first.</summary>
    public IEnumerable<Job> Jobs => _entries.Values.Select(e => e.Job).OrderBy(j => j.TimeSubmitted).ThenBy(j => j.Id, StringComparer.Ordinal);

    public Job? Find(string id) => _entries.TryGetValue(id, out var entry) ? entry.Job : null;

    /// <summary>
    /// Creates a job (JobState New, persisted before this returns) and starts <paramref name="work"/> on it.
    /// The work ends the job Completed by returning; Exception by throwing (a <see cref="JobFailedException"/>
    /// says why); Terminated or Killed when it stops on the cancellation <see cref="StopAsync"/> requests.
    /// The work runs even when the job is stopped before it starts (it then sees its token cancelled), so the
    /// clean-up it owns, such as releasing a system's pending state change, is never skipped.
    /// </summary>
    public async Task<Job> StartAsync(JobStart start, Func<JobContext, Task> work)
    {
        var now = _time.GetUtcNow();
        var job = new Job
        {
            Id = Guid.NewGuid().ToString("D"),
            MethodName = start.MethodName,
            Description = start.Description,
            Owner = start.Owner,
            OwningElement = start.OwningElement,
            Affected = start.Affected,
            State = JobState.New,
            TimeSubmitted = now,
            TimeOfLastStateChange = now,
            TimeBeforeRemoval = _settings.TimeBeforeRemoval,
        };
        await PersistAsync(job).ConfigureAwait(false);
        var entry = new Entry(job);
        _entries[job.Id] = entry;
        Changed?.Invoke(new JobChange(null, job));
        entry.Run = Task.Run(() => RunAsync(entry, work));
        return job;
    }

    /// <summary>Asks a running job to stop, ending <paramref name="stoppedState"/> (Terminated or Killed), and waits a while for it.</summary>
    public async Task<JobStopOutcome> StopAsync(string id, JobState stoppedState, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(id, out var entry)) return JobStopOutcome.NotFound;
        if (entry.Job.State.IsFinished() || entry.Run is not { } run) return JobStopOutcome.AlreadyFinished;
        entry.StopAs = stoppedState;
        await entry.Cancel.CancelAsync().ConfigureAwait(false);
        try
        {
            await run.WaitAsync(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return JobStopOutcome.Stopping;
        }
        return entry.Job.State == stoppedState ? JobStopOutcome.Stopped : JobStopOutcome.AlreadyFinished;
    }

    /// <summary>Changes what a client may change of a job: whether and when it is removed once finished.</summary>
    public async Task<Job?> ModifyAsync(string id, bool? deleteOnCompletion, TimeSpan? timeBeforeRemoval)
    {
        if (!_entries.TryGetValue(id, out var entry)) return null;
        return await UpdateAsync(entry, job => job with
        {
            DeleteOnCompletion = deleteOnCompletion ?? job.DeleteOnCompletion,
            TimeBeforeRemoval = timeBeforeRemoval ?? job.TimeBeforeRemoval,
        }).ConfigureAwait(false);
    }

    /// <summary>Waits until the job finishes (tests and in-process callers).</summary>
    public async Task<Job?> WaitAsync(string id, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(id, out var entry)) return null;
        if (entry.Run is { } run) await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        return entry.Job;
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        var running = _entries.Values.Select(e => e.Run).OfType<Task>().ToArray();
        await Task.WhenAll(running).ConfigureAwait(false);
        await _sweeper.ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private async Task RunAsync(Entry entry, Func<JobContext, Task> work)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(entry.Cancel.Token, _shutdown.Token);
        var context = new JobContext(cancel.Token, percent => ProgressAsync(entry, percent));
        try
        {
            var started = _time.GetUtcNow();
            await UpdateAsync(entry, job => job with { State = JobState.Running, StartTime = started, TimeOfLastStateChange = started }).ConfigureAwait(false);
            JobState final;
            JobError? error = null;
            try
            {
                // The work runs even when the stop came first (its token is then cancelled at once), so the
                // cleanup it owns (a system's pending state change, say) always happens.
                await work(context).ConfigureAwait(false);
                final = JobState.Completed;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                (final, error) = _shutdown.IsCancellationRequested
                    ? (JobState.Exception, new JobError(2, "Interrupted: the service stopped before this job finished.", (uint)CimStatus.Failed, JobErrorKind.Interrupted))
                    : (entry.StopAs, new JobError(2, $"{(entry.StopAs == JobState.Killed ? "Killed" : "Terminated")} at a client's request before it finished.",
                        (uint)CimStatus.Failed, JobErrorKind.Stopped));
            }
            catch (Exception e)
            {
                final = JobState.Exception;
                error = ErrorOf(e);
                if (e is not (JobFailedException or HypervisorException or CimException))
                    _logger.LogError(e, "Job {JobId} ({Method}) failed unexpectedly.", entry.Job.Id, entry.Job.MethodName);
            }
            await UpdateAsync(entry, job => Finish(job, final, final == JobState.Completed ? context.Affected : [], error)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The state database refused a write: the job stays as last persisted, and a restart reports it interrupted.
            _logger.LogError(e, "Job {JobId} could not record its state.", entry.Job.Id);
        }
    }

    private Job Finish(Job job, JobState state, IReadOnlyList<JobEffect> created, JobError? error)
    {
        var now = _time.GetUtcNow();
        return job with
        {
            State = state,
            PercentComplete = state == JobState.Completed ? (ushort)100 : job.PercentComplete,
            TimeOfLastStateChange = now,
            FinishTime = now,
            Affected = [.. job.Affected, .. created],
            Error = error,
        };
    }

    private static JobError ErrorOf(Exception e) => e switch
    {
        JobFailedException failed => failed.Error,
        HypervisorException h => new JobError(h.Error == HypervisorError.InvalidState ? (ushort)5 : (ushort)2, h.Message, (uint)h.ToCim().Status, JobErrorKind.Failed),
        CimException c => new JobError(2, c.Message, (uint)c.Status, JobErrorKind.Failed),
        _ => new JobError(2, "The job failed because of an internal error; the service log has the details.", (uint)CimStatus.Failed, JobErrorKind.Failed),
    };

    private async Task ProgressAsync(Entry entry, ushort percent)
    {
        if (percent > entry.Job.PercentComplete)
            await UpdateAsync(entry, job => job with { PercentComplete = percent }).ConfigureAwait(false);
    }

    /// <summary>Applies a change: persisted first, then visible, one change at a time per job.</summary>
    private async Task<Job> UpdateAsync(Entry entry, Func<Job, Job> change)
    {
        await entry.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var previous = entry.Job;
            var next = change(previous);
            await PersistAsync(next).ConfigureAwait(false);
            entry.Job = next;
            Changed?.Invoke(new JobChange(previous, next));
            return next;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private Task PersistAsync(Job job) => _table?.PutAsync(job.Id, Serialize(job)) ?? Task.CompletedTask;

    private static string Serialize(Job job) => JsonSerializer.Serialize(job, JobJson.Default.Job);

    private async Task SweepAsync()
    {
        using var timer = new PeriodicTimer(_settings.SweepInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_shutdown.Token).ConfigureAwait(false))
            {
                var now = _time.GetUtcNow();
                foreach (var entry in _entries.Values)
                {
                    if (entry.Job.RemovalTime is not { } due || due > now) continue;
                    try
                    {
                        if (_table is not null) await _table.DeleteAsync(entry.Job.Id).ConfigureAwait(false);
                        if (_entries.TryRemove(entry.Job.Id, out _)) Changed?.Invoke(new JobChange(entry.Job, null));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        _logger.LogWarning(e, "Job {JobId} could not be removed; will retry.", entry.Job.Id);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    private sealed class Entry(Job job)
    {
        private volatile Job _job = job;

        public Job Job { get => _job; set => _job = value; }

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public CancellationTokenSource Cancel { get; } = new();

        public Task? Run { get; set; }

        public JobState StopAs { get; set; } = JobState.Terminated;
    }
}
