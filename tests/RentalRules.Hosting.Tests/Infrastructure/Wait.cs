namespace RentalRules.Hosting.Tests.Infrastructure;

public static class Wait
{
    /// <summary>
    /// Polls until the condition holds; fails the test after the timeout. The default is generous: a reload compiles
    /// packs, which takes seconds on a loaded CI machine; a condition that holds returns as soon as it does.
    /// </summary>
    public static async Task Until(Func<bool> condition, string what, int timeoutMs = 60000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"Timed out after {timeoutMs} ms waiting for: {what}");
            }

            await Task.Delay(25);
        }
    }
}
