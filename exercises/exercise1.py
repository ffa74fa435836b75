"""练习 1：带截断的交叉熵 · Exercise 1: clipped cross-entropy

【中文】
分类模型对每个样本输出一行概率（Softmax 的结果），真实类别用 one-hot 向量表示。
交叉熵只关心模型给"正确类别"分配了多少概率：单个样本的损失是 -ln(p_正确类别)，
一批 N 个样本的损失是这些值的平均数。

    L = -(1/N) Σ_i Σ_k y_ik · ln(clip(p_ik, eps, 1))

为什么要 clip？ln(0) = -∞，而 0 · ln(0) 在浮点运算里是 NaN。先把概率截断到
[eps, 1]，损失最多是 -ln(1e-12) ≈ 27.631，不会变成 inf 或 NaN。

请实现下面三个函数（删掉 `raise NotImplementedError`）：
  1. one_hot：把整数标签变成 one-hot 矩阵；
  2. cross_entropy_loss：用 one-hot 标签计算平均交叉熵；
  3. cross_entropy_from_labels：直接用整数标签计算同一个损失。
注意：用自然对数 np.log；不要修改传入的数组；一个形状为 (K,) 的单个样本当作 N = 1 的批量。
完成后运行 `grade exercise1` 查看得分和反馈。

例子：真实类别为 2，概率 [0.1, 0.2, 0.6, 0.1]，损失 = -ln 0.6 ≈ 0.511。

[English]
A classifier outputs one row of probabilities per example (a softmax output);
the true class is a one-hot vector. Cross-entropy only looks at the probability
given to the true class: one example costs -ln(p_true), a batch of N examples
costs the average of those.

    L = -(1/N) Σ_i Σ_k y_ik · ln(clip(p_ik, eps, 1))

Why clip? ln(0) is -inf, and 0 · ln(0) is NaN in floating point. Clipping the
probabilities to [eps, 1] first caps the loss at -ln(1e-12) ≈ 27.631.

Implement the three functions below (remove the `raise NotImplementedError`):
  1. one_hot: integer labels to a one-hot matrix;
  2. cross_entropy_loss: the mean cross-entropy from one-hot labels;
  3. cross_entropy_from_labels: the same loss from integer labels.
Use the natural log (np.log), leave the arrays you are given unchanged, and
treat a single example of shape (K,) as a batch of one. Then run
`grade exercise1` for your score and feedback.

Example: true class 2, probabilities [0.1, 0.2, 0.6, 0.1]: loss = -ln 0.6 ≈ 0.511.
"""


def one_hot(labels, num_classes):
    """One-hot encode integer class labels.

    labels: integer labels, shape (N,), values in 0 … num_classes-1 (a list works too).
    num_classes: K, the number of classes.
    Returns: float array of shape (N, K) with a single 1.0 per row, at the label's column.

    整数标签 (N,) → one-hot 矩阵 (N, K)，每行只有标签所在列为 1.0。
    """
    raise NotImplementedError


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    """Mean cross-entropy of predicted probabilities against one-hot labels.

    probs: shape (N, K) (or (K,) for one example), each row a probability
        distribution; float64 or float32 array, or nested lists.
    y_onehot: same shape as probs, one 1 per row.
    eps: clip probabilities to [eps, 1] before the log.
    Returns: a Python float, -(1/N) Σ_i Σ_k y_ik ln(clip(p_ik, eps, 1)).

    返回一个 float：先把概率截断到 [eps, 1]，再对每行求 -Σ y·ln p，最后对 N 行取平均。
    """
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    """The same loss as cross_entropy_loss, from integer labels.

    probs: shape (N, K) (or (K,) for one example).
    labels: integer labels, shape (N,) (or a single int for one example), starting at 0.
    Returns: a Python float, -(1/N) Σ_i ln(clip(p_{i, labels[i]}, eps, 1)).

    用整数标签直接取出每行正确类别的概率：第 i 行取第 labels[i] 列（标签从 0 开始）。
    """
    raise NotImplementedError
