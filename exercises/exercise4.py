"""练习 4：1 − p 与 −ln p · Exercise 4: 1 − p versus −ln p

【中文】
设 p 是模型给真实类别的概率。一个看起来更简单的损失是 1 − p（线性惩罚）：
p 越小，损失越大，但最多只有 1。交叉熵用的是 −ln p（对数惩罚）：p 接近 1 时
它和 1 − p 差不多，p 越接近 0 它增长得越快，p → 0 时趋于无穷大。
本练习用数字和图把两者放在一起比较。

    线性惩罚  1 − p
    对数惩罚  −ln p
    比值      (−ln p) / (1 − p)   （p = 1 时是 0/0，取它的极限 1）

请实现下面四个函数（删掉 `raise NotImplementedError`）：
  1. linear_penalty：逐元素计算 1 − p；
  2. log_penalty：逐元素计算 −ln p（自然对数 np.log）；
  3. penalty_table：每个 p 一行，四列依次是 p、1 − p、−ln p 和比值；
  4. plot_penalties：在 p ∈ [0.01, 1] 上画出两条曲线，并返回画图用的 Axes。
注意：不要修改传入的数组；画图的网格不要从 0 开始（−ln 0 = ∞）。
完成后运行 `grade exercise4` 查看得分和反馈。

例子：p = 0.1 时，1 − p = 0.9，而 −ln p ≈ 2.303，是线性惩罚的 2.56 倍；
p = 0.9 时，1 − p = 0.1，−ln p ≈ 0.105，两者几乎一样。

[English]
Let p be the probability a model gives to the true class. A loss that looks
simpler is 1 − p (the linear penalty): it grows as p shrinks, but never
beyond 1. Cross-entropy uses −ln p (the log penalty) instead: close to p = 1
the two nearly agree, but as p heads to 0 the log penalty climbs ever faster
and goes to infinity. This exercise compares them in numbers and in a plot.

    linear penalty  1 − p
    log penalty     −ln p
    ratio           (−ln p) / (1 − p)   (0/0 at p = 1: use its limit, 1)

Implement the four functions below (remove the `raise NotImplementedError`):
  1. linear_penalty: 1 − p, element by element;
  2. log_penalty: −ln p, element by element (the natural log, np.log);
  3. penalty_table: one row per p, with the columns p, 1 − p, −ln p and the ratio;
  4. plot_penalties: draw both curves over p in [0.01, 1] and return the Axes.
Leave the arrays you are given unchanged, and don't start the plot's grid
at 0 (−ln 0 = ∞). Then run `grade exercise4` for your score and feedback.

Example: at p = 0.1, 1 − p = 0.9 while −ln p ≈ 2.303, 2.56 times as much;
at p = 0.9, 1 − p = 0.1 and −ln p ≈ 0.105, almost the same.
"""


def linear_penalty(p):
    """The linear penalty 1 − p, element by element.

    p: probabilities in (0, 1], a float64 or float32 array of any shape, or a list.
    Returns: an array of the same shape holding 1 − p.

    逐元素计算 1 − p；p 可以是任意形状的数组（float64 或 float32），也可以是列表。
    """
    raise NotImplementedError


def log_penalty(p):
    """The log penalty −ln p, element by element (natural logarithm).

    p: probabilities in (0, 1], a float64 or float32 array of any shape, or a list.
    Returns: an array of the same shape holding −ln p.

    逐元素计算 −ln p（自然对数 np.log，不是 np.log10）；返回与 p 形状相同的数组。
    """
    raise NotImplementedError


def penalty_table(ps):
    """Both penalties side by side, one row per probability.

    ps: probabilities in (0, 1], shape (n,) (a list works too); may contain 1.0.
    Returns: a float array of shape (n, 4) whose row i is
        [p_i, 1 − p_i, −ln p_i, (−ln p_i) / (1 − p_i)].
    At p = 1 the ratio is 0/0; put its limit there, 1.0 (never NaN).

    每个 p 一行，返回形状 (n, 4) 的数组，四列依次为 p、1 − p、−ln p、(−ln p)/(1 − p)。
    p = 1 时比值是 0/0，请填入它的极限 1.0，不要得到 NaN。
    """
    raise NotImplementedError


def plot_penalties(ax=None):
    """Plot 1 − p and −ln p against p, for p from 0.01 to 1.

    ax: a matplotlib Axes to draw on; when None, create a new figure and Axes
        (for example `fig, ax = plt.subplots()`).
    Draw each curve as its own line with a label (`ax.plot(p, ..., label=...)`),
    label both axes, add a legend, and return the Axes. Don't call plt.show()
    here. The grader runs matplotlib with the non-interactive Agg backend, which
    is fine: it reads the data of your lines back, no window opens.

    画两条曲线：1 − p 和 −ln p，p 取 [0.01, 1] 上的一组点（不要从 0 开始）。
    每条线都要有 label，两个坐标轴都要有标签，还要有图例，最后返回 Axes。
    ax 为 None 时自己新建一个图（例如 `fig, ax = plt.subplots()`）。
    评分时 matplotlib 使用不弹出窗口的 Agg 后端，这没有问题：评分程序直接读取线条的数据。
    """

    raise NotImplementedError
