using NUnit.Framework;

namespace Parity.Tests.Harness.Fixtures;

/// <summary>Corrupt CSV files: a bad number, a missing column, a truncated file, wrong row counts, wrong shapes.</summary>
public sealed partial class FixtureStoreTests
{
    private const string Losses = "losses.csv";
    private const string Initial = "initial-parameters.csv";
    private const string Steps = "steps.csv";
    private const string Final = "final-parameters.csv";
    private const string Regenerate = "regenerate it: dotnet run --project src/Cli -- fixtures regenerate xor-seed-parity";

    [TestCaseSource(nameof(CorruptCsv))]
    public void Load_CorruptCsv_NamesFilePlaceAndExpectation(string file, Func<string, string> corrupt, string expected)
    {
        var path = scratch.FixtureFile(Seed, file);
        File.WriteAllText(path, corrupt(File.ReadAllText(path)));

        var error = Refused();

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain($"{Shown(file)}: {expected}"));
            Assert.That(error.Message.Split(": ")[0], Does.EndWith(Shown(file)), "the message starts with the file");
        });
    }

    [TestCase(Losses)]
    [TestCase(Initial)]
    [TestCase(Steps)]
    [TestCase(Final)]
    public void Load_CsvFileMissing_SaysWhichAndHowToRegenerate(string file)
    {
        File.Delete(scratch.FixtureFile(Seed, file));

        var error = Refused();

        Assert.That(error.Message, Does.EndWith($"{Shown(file)}: missing; {Regenerate}"));
    }

    [Test]
    public void Load_Sparse2GiBLosses_IsRefusedBeforeItIsRead()
    {
        // Read, two gigabytes of NUL bytes would be one endless CSV field; the length alone must refuse them.
        using (var stream = File.Open(scratch.FixtureFile(Seed, Losses), FileMode.Truncate))
        {
            stream.SetLength(2L * 1024 * 1024 * 1024);
        }

        var error = Refused();

        Assert.That(
            error.Message,
            Does.Contain($"{Shown(Losses)}: is 2048.0 MiB, more than 5000 rows of epoch,loss can take (1.2 MiB at most); refused before reading it; {Regenerate}"));
    }

    private static IEnumerable<TestCaseData> CorruptCsv()
    {
        // The committed loss of epoch 1, whatever the last regeneration made it.
        var loss1 = File.ReadLines(Path.Combine(Support.Repository.Root, "fixtures", Seed, Losses)).ElementAt(2).Split(',')[1];
        var epoch1 = $"\n1,{loss1}\n";

        // A bad number or field.
        yield return Csv("loss not a number", Losses, Swap(epoch1, "\n1,0.26667x\n"), "line 3, column 'loss': expected a number, found '0.26667x'");
        yield return Csv("loss empty", Losses, Swap(epoch1, "\n1,\n"), "line 3, column 'loss': expected a number, found ''");
        yield return Csv("epoch not a number", Losses, Swap(epoch1, $"\none,{loss1}\n"), "line 3, column 'epoch': expected a whole number ≥ 0, found 'one'");
        yield return Csv("epochs out of order", Losses, Swap(epoch1 + "2,", $"\n2,{loss1}\n1,"), "line 3, column 'epoch': expected epoch 1 (rows in epoch order), found '2'");
        yield return Csv("a field too many", Losses, Swap(epoch1, $"\n1,{loss1},7\n"), "line 3: 3 fields, expected 2 (epoch,loss)");
        yield return Csv("unbalanced quote", Losses, Swap(epoch1, $"\n1,\"{loss1}\n"), "line 3");
        yield return Csv("unknown side", Initial, Swap("\nhandRolled,0.weight,1,", "\nhandrolled,0.weight,1,"), "line 3, column 'side': expected a side, handRolled or torch, found 'handrolled'");
        yield return Csv("unknown step kind", Steps, Swap("\n3,gradient,0.weight,0,", "\n3,gradiant,0.weight,0,"), "line 92, column 'kind': expected gradient or parameter, found 'gradiant'");
        yield return Csv("fractional step", Steps, Swap("\n3,gradient,0.weight,0,", "\n3.5,gradient,0.weight,0,"), "line 92, column 'step': expected a whole number ≥ 0, found '3.5'");
        yield return Csv("gradient not a number", Steps, Swap("0.0005151378572918475\n", "0.0005151378572918475e\n"), "line 92, column 'value': expected a number, found '0.0005151378572918475e'");

        // A missing column.
        yield return Csv("column renamed", Losses, Swap("epoch,loss\n", "epoch,value\n"), "line 1: expected the header epoch,loss, found epoch,value");
        yield return Csv("column dropped", Losses, text => string.Join('\n', text.Split('\n').Select(l => l.Split(',')[0])), "line 1: expected the header epoch,loss, found epoch");
        yield return Csv("empty file", Losses, _ => "", "line 1: expected the header epoch,loss, found nothing (the file is empty)");

        // A truncated file.
        yield return Csv("cut after a comma", Losses, CutAfter("\n2500,"), "line 2502, column 'loss': expected a number, found ''");
        yield return Csv("cut before a comma", Losses, CutAfter("\n2500"), "line 2502: 1 field, expected 2 (epoch,loss); is the file truncated?");
        yield return Csv("cut in the last row", Final, CutAfter("\n1.weight,4"), "line 16: 2 fields, expected 3 (parameter,index,value); is the file truncated?");

        // The wrong number of rows.
        yield return Csv("cut at a row", Losses, KeepLines(101), "100 rows, expected 5000, one per epoch; is the file truncated?");
        yield return Csv("header only", Losses, KeepLines(1), "0 rows, expected 5000, one per epoch; is the file truncated?");
        yield return Csv("a row too many", Losses, text => text + "5000,0.05\n", "5001 rows, expected 5000, one per epoch");
        yield return Csv("a step missing", Steps, DropLines("3,"), "line 92, column 'step': expected step 3 (steps numbered from 0 without gaps), found '4'");
        yield return Csv("the last step missing", Steps, DropLines("9,"), "9 steps, expected 10 (meta.json records the first 10 updates in detail)");
        yield return Csv("final parameters header only", Final, KeepLines(1), "final parameters: 0.weight (shape (5, 2)) lacks index 0; the fixture is incomplete or does not fit the scenario's network");
        yield return Csv("a side's parameter missing", Initial, DropLines("torch,1.weight,"), "torch initial parameters: 1.weight (shape (1, 5)) lacks index 0");
        yield return Csv("a step's parameters missing", Steps, DropLines("3,parameter,"), "step 3 parameters: 0.weight (shape (5, 2)) lacks index 0");

        // The wrong shapes.
        yield return Csv("unknown parameter", Initial, Swap("\ntorch,1.weight,2,", "\ntorch,2.weight,2,"), "line 29, column 'parameter': expected a parameter of this network (0.weight, 1.weight), found '2.weight'");
        yield return Csv("index beyond the shape", Initial, Swap("\ntorch,1.weight,4,", "\ntorch,1.weight,5,"), "line 31, column 'index': expected an index below 5 given once (1.weight has 5 values), found '5'");
        yield return Csv("index given twice", Initial, Swap("\ntorch,1.weight,4,", "\ntorch,1.weight,3,"), "line 31, column 'index': expected an index below 5 given once (1.weight has 5 values), found '3'");
        yield return Csv("negative index", Final, Swap("\n1.weight,2,", "\n1.weight,-2,"), "line 14, column 'index': expected a whole number ≥ 0, found '-2'");
        yield return Csv("another network's parameters", Initial, _ => File.ReadAllText(Path.Combine(Support.Repository.Root, "fixtures", "xor-bias-parity", Initial)), "line 12, column 'parameter': expected a parameter of this network (0.weight, 1.weight), found '0.bias'");
    }

    private static TestCaseData Csv(string name, string file, Func<string, string> corrupt, string expected) =>
        new TestCaseData(file, corrupt, expected).SetArgDisplayNames(name);

    /// <summary>Replaces the anchor; an anchor that is not there would test nothing, so it fails.</summary>
    private static Func<string, string> Swap(string find, string replace) => text =>
    {
        Assert.That(text, Does.Contain(find), "the test's anchor text");
        return text.Replace(find, replace, StringComparison.Ordinal);
    };

    /// <summary>The text up to and including the first <paramref name="marker"/>, as a write cut short leaves it.</summary>
    private static Func<string, string> CutAfter(string marker) => text =>
    {
        Assert.That(text, Does.Contain(marker), "the test's anchor text");
        return text[..(text.IndexOf(marker, StringComparison.Ordinal) + marker.Length)];
    };

    private static Func<string, string> KeepLines(int count) => text => string.Join('\n', text.Split('\n').Take(count)) + "\n";

    private static Func<string, string> DropLines(string prefix) => text =>
    {
        Assert.That(text, Does.Contain("\n" + prefix), "the test's anchor text");
        return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith(prefix, StringComparison.Ordinal)));
    };
}
