namespace Parity.HandRolled.Model;

/// <summary>
/// Mini-batches: each epoch's rows, in data order or in the order of numpy's legacy <c>RandomState(Seed)</c> drawing one
/// <c>permutation(N)</c> per epoch (epoch 0 first), cut into batches of <paramref name="Size"/> rows. The last, partial
/// batch is kept unless <paramref name="DropLast"/>; each batch's loss is reduced over that batch's own rows.
/// </summary>
/// <param name="Size">Rows per batch, ≥ 1.</param>
/// <param name="Shuffle">Whether each epoch draws a new order.</param>
/// <param name="Seed">The seed of <c>np.random.RandomState</c>.</param>
/// <param name="DropLast">Whether a last batch of fewer than <paramref name="Size"/> rows is dropped.</param>
public sealed record MiniBatch(int Size, bool Shuffle = false, int Seed = 0, bool DropLast = false);
