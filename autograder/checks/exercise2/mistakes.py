"""Exercise 2's known mistakes (MISCONCEPTIONS.md, exercise2), each imitated in numbers.

Most mistakes live in the softmax and travel into the loss and the gradient, so
each is written once as a "row-wise softmax gone wrong" and then turned into an
imitation of each of the three functions. A student writes the loss either as
log-softmax picked by the labels (form A: -Σ y·(z - lse)) or as lse minus the
true logit (form B: lse - Σ y·z); the two agree on sound numbers but not on
NaN/inf, so both forms are imitated.
"""

import functools
import math

import numpy as np

from ...i18n import Text
from ...mistake import Mistake

SOFTMAX = "softmax"
LOSS = "softmax_cross_entropy"
GRAD = "softmax_cross_entropy_grad"
ALL = (SOFTMAX, LOSS, GRAD)


def _array(values, keep_float32=False):
    array = np.asarray(values)
    if keep_float32 and array.dtype == np.float32:
        return array
    return array.astype(float)


def _rows(values, keep_float32=False):
    return np.atleast_2d(_array(values, keep_float32))


# --- softmax variants: rows (N, K) -> probabilities (N, K) -----------------------


def _stable(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _unstable(z):
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _global_max(z):
    e = np.exp(z - z.max())
    return e / e.sum(axis=1, keepdims=True)


def _columns(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def _no_keepdims(z):
    e = np.exp(z - z.max(axis=1))  # (N, K) - (N,): broadcasts along the wrong axis
    return e / e.sum(axis=1)


def _twice(z):
    return _stable(_stable(z))


def _guarded(function):
    """The imitation, except that a broadcasting error gives no numbers (the
    missing-keepdims signature judges errors, not the exception type alone)."""

    @functools.wraps(function)
    def imitation(*args):
        try:
            return function(*args)
        except ValueError:
            return None

    return imitation


def softmax_with(variant, keep_float32=False):
    def imitation(logits):
        shape = np.shape(logits)
        return variant(_rows(logits, keep_float32)).reshape(shape)

    return imitation


def grad_with(variant, keep_float32=False):
    def imitation(logits, y_onehot):
        shape = np.shape(logits)
        z, y = _rows(logits, keep_float32), _rows(y_onehot)
        return ((variant(z) - y) / z.shape[0]).reshape(shape)

    return imitation


def _unstable_python(logits):
    """Unstable softmax with math.exp in loops: raises OverflowError at 710, ZeroDivisionError at -800."""
    rows = np.atleast_2d(np.asarray(logits, dtype=float)).tolist()
    out = []
    for row in rows:
        exps = [math.exp(v) for v in row]
        total = sum(exps)
        out.append([e / total for e in exps])
    return np.array(out).reshape(np.shape(logits))


def _unstable_python_loss(logits, y_onehot):
    """ln Σ exp(z) with math in loops: OverflowError at 710, ValueError (log 0) at -800."""
    rows, targets = _rows(logits).tolist(), _rows(y_onehot).tolist()
    total = 0.0
    for row, target in zip(rows, targets, strict=True):
        log_norm = math.log(sum(math.exp(v) for v in row))
        total += log_norm - sum(t * v for t, v in zip(target, row, strict=True))
    return total / len(rows)


def _unstable_python_grad(logits, y_onehot):
    y = _rows(y_onehot)
    probs = np.atleast_2d(_unstable_python(logits))
    return ((probs - y) / y.shape[0]).reshape(np.shape(logits))


# --- loss variants ----------------------------------------------------------------


def _mean_loss(log_probs, y):
    return float(np.mean(-np.sum(y * log_probs, axis=1)))


def loss_form_a(log_softmax, keep_float32=False):
    """-mean Σ y · log_softmax(z)."""

    def imitation(logits, y_onehot):
        return _mean_loss(log_softmax(_rows(logits, keep_float32)), _rows(y_onehot))

    return imitation


def loss_form_b(log_sum_exp, keep_float32=False):
    """mean (lse(z) - Σ y·z), lse of shape (N,)."""

    def imitation(logits, y_onehot):
        z, y = _rows(logits, keep_float32), _rows(y_onehot)
        return float(np.mean(log_sum_exp(z) - np.sum(y * z, axis=1)))

    return imitation


def _log_softmax_unstable(z):
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _lse_unstable(z):
    return np.log(np.exp(z).sum(axis=1))


def _log_softmax_global_max(z):
    shifted = z - z.max()
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _lse_global_max(z):
    return np.log(np.exp(z - z.max()).sum(axis=1)) + z.max()


def _log_softmax_columns(z):
    shifted = z - z.max(axis=0, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))


def _log_softmax_no_keepdims(z):
    shifted = z - z.max(axis=1)
    return shifted - np.log(np.exp(shifted).sum(axis=1))


def _lse_no_keepdims(z):
    m = z.max(axis=1)
    return np.log(np.exp(z - m).sum(axis=1)) + m


def _log_softmax_stable(z):
    shifted = z - z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _loss_of_probabilities_as_logits(logits, y_onehot):
    return _mean_loss(_log_softmax_stable(_stable(_rows(logits))), _rows(y_onehot))


def _log_of_softmax(low=None, add=0.0, picked=False):
    def imitation(logits, y_onehot):
        p, y = _stable(_rows(logits)), _rows(y_onehot)
        if low is not None:
            p = np.clip(p, low, 1.0)
        log_p = np.log(p + add)
        if picked:
            return float(-np.mean(log_p[np.arange(len(y)), y.argmax(axis=1)]))
        return _mean_loss(log_p, y)

    return imitation


_EPSILONS = [10.0**-k for k in range(4, 17)]
_LOG_OF_SOFTMAX = (
    tuple(_log_of_softmax(low=e) for e in _EPSILONS)
    + tuple(_log_of_softmax(add=e) for e in _EPSILONS)
    + (_log_of_softmax(), _log_of_softmax(picked=True))
)


# --- int buffer ---------------------------------------------------------------------


def _int_buffer_softmax(logits):
    z = np.asarray(logits)
    out = np.zeros_like(z)
    out[...] = _stable(np.atleast_2d(z.astype(float))).reshape(z.shape)
    return out


def _int_buffer_grad(logits, y_onehot):
    z = np.asarray(logits)
    out = np.zeros_like(z)
    out[...] = grad_with(_stable)(logits, y_onehot)
    return out


# --- gradient mistakes ----------------------------------------------------------------


def _probs_and_targets(logits, y_onehot):
    return _stable(_rows(logits)), _rows(y_onehot)


def _grad_no_mean(logits, y_onehot):
    p, y = _probs_and_targets(logits, y_onehot)
    return (p - y).reshape(np.shape(logits))


def _grad_sign(logits, y_onehot):
    p, y = _probs_and_targets(logits, y_onehot)
    return ((y - p) / len(p)).reshape(np.shape(logits))


def _grad_over_k(logits, y_onehot):
    p, y = _probs_and_targets(logits, y_onehot)
    return ((p - y) / p.shape[1]).reshape(np.shape(logits))


def _grad_diagonal(logits, y_onehot):
    p, y = _probs_and_targets(logits, y_onehot)
    return (y * (p - 1) / len(p)).reshape(np.shape(logits))


def _grad_diagonal_chain_rule(logits, y_onehot):
    p, y = _probs_and_targets(logits, y_onehot)
    return ((-y / p) * p * (1 - p) / len(p)).reshape(np.shape(logits))


# --- signatures -------------------------------------------------------------------------


def _changed_input(call, expected):
    return bool(call.changed_arguments())


def _broadcast_error_on_rows(call, expected):
    """ValueError from broadcasting (N,) against (N, K) on a batch with N ≠ K."""
    error = call.error
    if error is None or error.kind != "raised" or error.type_name != "ValueError":
        return False
    if "broadcast" not in error.message:
        return False
    shape = np.shape(call.args[0])
    return len(shape) == 2 and shape[0] >= 2 and shape[0] != shape[1]


MISTAKES = (
    Mistake(
        "unstable-softmax",
        ALL,
        Text(
            "exp of the raw logits overflows (above 709.78, float32: 88.72) or underflows "
            "to 0 (below about -745): inf/inf or 0/0 gives NaN, log 0 gives -inf",
            "直接对原始 logits 取 exp：大于 709.78（float32 为 88.72）时上溢成 inf，"
            "小于约 -745 时下溢成 0；inf/inf 或 0/0 得到 NaN，log 0 得到 -inf",
        ),
        Text(
            "Subtract each row's maximum before exp: z - z.max(axis=1, keepdims=True). The "
            "result is the same, but the largest exponent becomes exp(0) = 1.",
            "取 exp 之前先减去每一行的最大值：z - z.max(axis=1, keepdims=True)。"
            "结果不变，但最大的指数变成 exp(0) = 1。",
        ),
        imitations=(
            softmax_with(_unstable),
            softmax_with(_unstable, True),
            _unstable_python,
            _unstable_python_loss,
            loss_form_a(_log_softmax_unstable),
            loss_form_a(_log_softmax_unstable, True),
            loss_form_b(_lse_unstable),
            loss_form_b(_lse_unstable, True),
            grad_with(_unstable),
            grad_with(_unstable, True),
            _unstable_python_grad,
        ),
    ),
    Mistake(
        "global-max",
        ALL,
        Text(
            "one maximum for the whole array: a row whose own maximum is far below the "
            "global one underflows to all zeros, and 0/0 is NaN",
            "整个数组只减了一个最大值：如果某一行自己的最大值比全局最大值小很多，"
            "这一行的 exp 全部下溢成 0，0/0 得到 NaN",
        ),
        Text(
            "Take the maximum of each row separately: z.max(axis=1, keepdims=True).",
            "每一行分别取最大值：z.max(axis=1, keepdims=True)。",
        ),
        imitations=(
            softmax_with(_global_max),
            loss_form_a(_log_softmax_global_max),
            loss_form_b(_lse_global_max),
            grad_with(_global_max),
        ),
    ),
    Mistake(
        "wrong-axis",
        ALL,
        Text(
            "normalised over axis 0: your columns sum to 1 instead of your rows "
            "(a batch of one row becomes all 1s)",
            "沿 axis 0 做了归一化：每一列的和是 1，而不是每一行（只有一行时结果全是 1）",
        ),
        Text(
            "Each example is a row: take the max and the sum over axis=1 (or axis=-1).",
            "每个样本是一行：最大值和求和都要沿 axis=1（或 axis=-1）。",
        ),
        imitations=(softmax_with(_columns), loss_form_a(_log_softmax_columns), grad_with(_columns)),
    ),
    Mistake(
        "missing-keepdims",
        ALL,
        Text(
            "the row maxima (or sums) have shape (N,) instead of (N, 1): they broadcast along "
            "the columns, which fails when N ≠ K and silently mixes rows when N == K",
            "每行的最大值（或和）的形状是 (N,) 而不是 (N, 1)：它会沿列方向广播，"
            "N ≠ K 时报错，N == K 时悄悄地把不同行的数混在一起",
        ),
        Text(
            "Keep the reduced axis: z.max(axis=1, keepdims=True) and "
            "e.sum(axis=1, keepdims=True) have shape (N, 1).",
            "保留被约简的轴：z.max(axis=1, keepdims=True) 和 e.sum(axis=1, keepdims=True) 的形状是 (N, 1)。",
        ),
        imitations=(
            _guarded(softmax_with(_no_keepdims)),
            _guarded(loss_form_a(_log_softmax_no_keepdims)),
            _guarded(loss_form_b(_lse_no_keepdims)),
            _guarded(grad_with(_no_keepdims)),
        ),
        signature=_broadcast_error_on_rows,
    ),
    Mistake(
        "mutates-input",
        ALL,
        Text(
            "the function changes the caller's logits (an in-place z -= max, or exp(..., out=z)): "
            "after the call, the caller's logits hold other numbers",
            "函数修改了调用者传入的 logits（原地 z -= max，或 exp(..., out=z)）：调用之后，调用者的 logits 里的数变了",
        ),
        Text(
            "Work on a new array: shifted = z - z.max(axis=1, keepdims=True) leaves z alone.",
            "在新数组上计算：shifted = z - z.max(axis=1, keepdims=True) 不会改动 z。",
        ),
        signature=_changed_input,
    ),
    Mistake(
        "int-buffer",
        (SOFTMAX, GRAD),
        Text(
            "the output buffer was made from integer logits (np.zeros_like(z)), so every "
            "probability was truncated to an integer: all zeros",
            "输出数组是按整数 logits 创建的（np.zeros_like(z)），所以每个概率都被截断成整数：全是 0",
        ),
        Text(
            "Make float buffers: np.zeros(z.shape, dtype=float), or convert the input first "
            "with np.asarray(logits, dtype=float).",
            "创建浮点数组：np.zeros(z.shape, dtype=float)，或先用 np.asarray(logits, dtype=float) 转换输入。",
        ),
        imitations=(_int_buffer_softmax, _int_buffer_grad),
    ),
    Mistake(
        "grad-missing-1-over-n",
        (GRAD,),
        Text(
            "the 1/N is missing: your gradient is N times the reference",
            "漏掉了 1/N：你的梯度是参考答案的 N 倍",
        ),
        Text(
            "The loss is a mean over the N examples, so its gradient is divided by N too: (P - Y) / N.",
            "损失是 N 个样本的平均值，所以梯度也要除以 N：(P - Y) / N。",
        ),
        imitations=(_grad_no_mean,),
    ),
    Mistake(
        "grad-sign",
        (GRAD,),
        Text(
            "the sign is flipped: you returned (Y - P) / N, the negative of the gradient",
            "符号反了：你返回的是 (Y - P) / N，正好是梯度的相反数",
        ),
        Text(
            "The gradient points uphill, towards a larger loss: (P - Y) / N. Gradient descent "
            "subtracts it later.",
            "梯度指向损失增大的方向：(P - Y) / N。梯度下降时才会减去它。",
        ),
        imitations=(_grad_sign,),
    ),
    Mistake(
        "grad-divide-by-k",
        (GRAD,),
        Text(
            "divided by the number of classes K instead of the number of examples N: "
            "your gradient is N/K times the reference",
            "除以了类别数 K 而不是样本数 N：你的梯度是参考答案的 N/K 倍",
        ),
        Text(
            "N is the number of rows (examples): logits.shape[0] for a batch, not the length "
            "of a one-hot row.",
            "N 是行数（样本数）：批量时是 logits.shape[0]，而不是 one-hot 行的长度。",
        ),
        imitations=(_grad_over_k,),
    ),
    Mistake(
        "diagonal-jacobian",
        (GRAD,),
        Text(
            "only the diagonal of the softmax Jacobian, p(1 - p), was used: the true class's "
            "entry is right but every other class gets 0",
            "只用了 softmax 雅可比矩阵的对角线 p(1 - p)：正确类别那一项是对的，其余类别都是 0",
        ),
        Text(
            "Every softmax output depends on every logit (∂p_j/∂z_k = p_j(δ_jk - p_k)); summed "
            "over j this gives p_k - y_k for every class k, not only the true one.",
            "softmax 的每个输出都依赖所有 logits（∂p_j/∂z_k = p_j(δ_jk - p_k)）；"
            "对 j 求和后，每个类别 k 都得到 p_k - y_k，不只是正确类别。",
        ),
        imitations=(_grad_diagonal, _grad_diagonal_chain_rule),
    ),
    Mistake(
        "double-softmax",
        (LOSS, GRAD),
        Text(
            "softmax was applied twice: probabilities were fed in where logits belong, so the "
            "loss can never get close to 0 (at least ln(1 + (K-1)/e), 0.551 for K = 3)",
            "softmax 用了两次：把概率当成 logits 又算了一遍，所以损失永远接近不了 0"
            "（至少是 ln(1 + (K-1)/e)，K = 3 时为 0.551）",
        ),
        Text(
            "This function takes the raw logits: apply log-sum-exp (or softmax) to them once, "
            "not to softmax(logits).",
            "这个函数的输入是原始 logits：对它们只做一次 log-sum-exp（或 softmax），"
            "不要再对 softmax(logits) 做一次。",
        ),
        imitations=(_loss_of_probabilities_as_logits, grad_with(_twice)),
    ),
    Mistake(
        "log-of-clipped-softmax",
        (LOSS,),
        Text(
            "the loss is the log of (clipped) softmax probabilities: once the true class's "
            "probability underflows it is capped at -ln(eps) (27.631 for 1e-12), or inf "
            "without clipping, instead of the exact value",
            "损失是对（截断后的）softmax 概率取对数：正确类别的概率一旦下溢，"
            "损失就被限制在 -ln(eps)（1e-12 时为 27.631），不截断则是 inf，而不是准确值",
        ),
        Text(
            "Use log-sum-exp on the logits: ln p_y = z_y - m - ln Σ exp(z - m) with m the row's "
            "maximum. For z = [0, 30] and true class 0 the loss is exactly 30.",
            "对 logits 使用 log-sum-exp：ln p_y = z_y - m - ln Σ exp(z - m)，m 是这一行的最大值。"
            "z = [0, 30]、正确类别为 0 时，损失正好是 30。",
        ),
        imitations=_LOG_OF_SOFTMAX,
    ),
)
