using Hospital.Grains.Queues;

namespace Hospital.Api.Apis.Contracts;

/// <summary>A waiting-room board: the session's doctor and room, who is called now and the next three, names masked (王*明).</summary>
public sealed record QueueBoardResponse(string SessionId, string DoctorName, string Room, BoardLine? Calling, IReadOnlyList<BoardLine> Next);
