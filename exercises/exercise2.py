"""练习 2：Softmax 及其交叉熵梯度 · Exercise 2: softmax and the gradient of its cross-entropy

【中文】
网络最后一层输出的是一行"原始分数"（logits）z，每个类别一个数，可以是任意实数。
Softmax 把它变成概率：p_k = exp(z_k) / Σ_j exp(z_j)。每个样本占一行，按行计算。

数值稳定性：float64 里 exp(710) 已经溢出成 inf，exp(-800) 会下溢成 0，
直接套公式就会得到 inf/inf 或 0/0，也就是 NaN。办法是先把每一行减去这一行的最大值：
分子分母同乘 exp(-max)，结果不变，但最大的指数变成 exp(0) = 1，不会溢出。

损失要直接从 logits 算（log-sum-exp），不要先算概率再取对数：

    ln p_k = z_k - m - ln Σ_j exp(z_j - m)，其中 m 是这一行的最大值
    L = -(1/N) Σ_i Σ_k y_ik · ln p_ik

这样即使正确类别的概率小到下溢成 0，损失也是一个有限的数（例如 z = [0, 30]、
正确类别为 0 时，损失就是 30）。

Softmax 和交叉熵配在一起，对 logits 的梯度非常简单（课文 4.5 节）：

    dL/dZ = (softmax(Z) - Y) / N

请实现下面三个函数（删掉 `raise NotImplementedError`）：
  1. softmax：按行计算，数值稳定；
  2. softmax_cross_entropy：用 log-sum-exp 从 logits 直接算平均损失；
  3. softmax_cross_entropy_grad：损失对 logits 的梯度。
注意：不要修改传入的数组；形状为 (K,) 的一维输入当作一行（N = 1）；输入可能是
float64、float32 数组或嵌套的 Python 列表，softmax 的输入也可能是整数。
完成后运行 `grade exercise2` 查看得分和反馈。

例子：softmax([2, 1, 0]) ≈ [0.665, 0.245, 0.090]；正确类别为 0 时损失 = -ln 0.665 ≈ 0.408。

[English]
The last layer of a network outputs a row of raw scores (logits) z, one real
number per class. Softmax turns them into probabilities:
p_k = exp(z_k) / Σ_j exp(z_j), computed row by row, one row per example.

Numerical stability: in float64, exp(710) overflows to inf and exp(-800)
underflows to 0, so the formula as written gives inf/inf or 0/0, i.e. NaN.
Subtract each row's maximum first: it multiplies numerator and denominator by
the same exp(-max), so the result is unchanged, but the largest exponent is now
exp(0) = 1.

Compute the loss straight from the logits (log-sum-exp), not as the log of
probabilities:

    ln p_k = z_k - m - ln Σ_j exp(z_j - m), where m is the row's maximum
    L = -(1/N) Σ_i Σ_k y_ik · ln p_ik

Then the loss stays finite even when the true class's probability underflows
to 0 (for z = [0, 30] with true class 0 the loss is exactly 30).

With softmax and cross-entropy together, the gradient with respect to the
logits is remarkably simple (section 4.5 of the text):

    dL/dZ = (softmax(Z) - Y) / N

Implement the three functions below (remove the `raise NotImplementedError`):
  1. softmax: row-wise and numerically stable;
  2. softmax_cross_entropy: the mean loss from the logits, via log-sum-exp;
  3. softmax_cross_entropy_grad: the gradient of that loss with respect to the logits.
Leave the arrays you are given unchanged, and treat a 1-D input of shape (K,)
as a single row (N = 1). Inputs may be float64 or float32 arrays or nested
Python lists; softmax may also get integer logits. Then run `grade exercise2`
for your score and feedback.

Example: softmax([2, 1, 0]) ≈ [0.665, 0.245, 0.090]; with true class 0 the loss
is -ln 0.665 ≈ 0.408.
"""


def softmax(logits):
    """Row-wise softmax, stable for logits of any size (e.g. ±1000).

    logits: shape (N, K), or (K,) for a single example; float64, float32 or
        integer array, or nested lists.
    Returns: a float array of the same shape as logits; every row is
        non-negative and sums to 1. No NaN or inf for finite logits.

    按行计算 softmax：返回与 logits 同形状的浮点数组，每行非负且和为 1；
    logits 很大或很小（如 ±1000）时也不能出现 NaN 或 inf。
    """
    raise NotImplementedError


def softmax_cross_entropy(logits, y_onehot):
    """Mean cross-entropy of softmax(logits) against one-hot labels, computed from the logits.

    logits: shape (N, K) (or (K,) for one example); float64 or float32 array, or nested lists.
    y_onehot: same shape as logits, a single 1 per row.
    Returns: a Python float, -(1/N) Σ_i Σ_k y_ik ln softmax(z_i)_k, computed with
        log-sum-exp so that it is finite whenever the logits are finite.

    返回一个 float：用 log-sum-exp 直接从 logits 计算平均交叉熵；
    只要 logits 是有限数，结果就必须是有限数（不要对 softmax 的结果取 log）。
    """
    raise NotImplementedError


def softmax_cross_entropy_grad(logits, y_onehot):
    """Gradient of softmax_cross_entropy with respect to the logits.

    logits: shape (N, K) (or (K,) for one example); float64 or float32 array, or nested lists.
    y_onehot: same shape as logits, a single 1 per row.
    Returns: a float array of the same shape as logits, (softmax(logits) - y_onehot) / N,
        where N is the number of examples (rows); N = 1 for a 1-D input.

    返回与 logits 同形状的数组 (softmax(logits) - y_onehot) / N，N 是样本数（行数）；
    一维输入时 N = 1。
    """
    raise NotImplementedError
