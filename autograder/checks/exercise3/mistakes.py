"""Exercise 3's known mistakes (MISCONCEPTIONS.md, exercise3), each recognised in numbers."""

import math

import numpy as np

from ...compare import same_numbers, tolerance_for
from ...i18n import Text
from ...mistake import Mistake

LOGIT_FUNCTIONS = ("sigmoid", "bce_grad_logit", "mse_sigmoid_grad_logit", "bce_curvature")


def _floats(x):
    return np.asarray(x, dtype=float)


def _sigmoid(z):
    z = _floats(z)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# --- bce_loss --------------------------------------------------------------------


def bce(log=np.log, clip="both", terms="both", swap=False):
    """An imitation of bce_loss that makes the given mistake.

    clip: "both" (p and 1 - p to [eps, 1]), "sym" (p to [eps, 1 - eps], a sound
    alternative), "low" (p to [eps, 1] only, 1 - p unprotected), "none".
    terms: "both", "y" (only y ln p), "not-y" (only (1 - y) ln(1 - p)).
    swap: called as bce(y, p).
    """

    def imitation(p, y, eps=1e-12):
        if swap:
            p, y = y, p
        p, y = _floats(p), _floats(y)
        if clip == "both":
            log_p, log_q = log(np.clip(p, eps, 1.0)), log(np.clip(1.0 - p, eps, 1.0))
        elif clip == "sym":
            clipped = np.clip(p, eps, 1.0 - eps)
            log_p, log_q = log(clipped), log(1.0 - clipped)
        elif clip == "low":
            clipped = np.clip(p, eps, 1.0)
            log_p, log_q = log(clipped), log(1.0 - clipped)
        else:
            log_p, log_q = log(p), log(1.0 - p)
        if terms == "y":
            cells = y * log_p
        elif terms == "not-y":
            cells = (1.0 - y) * log_q
        else:
            cells = y * log_p + (1.0 - y) * log_q
        return float(-np.mean(cells))

    return imitation


def _picked_unclipped(p, y, eps=1e-12):
    p, y = _floats(p), _floats(y)
    return float(np.mean(np.where(y == 1, -np.log(p), -np.log(1.0 - p))))


def _pairs(p, y):
    return zip(np.ravel(_floats(p)).tolist(), np.ravel(_floats(y)).tolist(), strict=True)


def _math_loop_if(p, y, eps=1e-12):
    """math.log on each example, no clipping: math.log(0) raises ValueError."""
    losses = [-math.log(a) if b == 1 else -math.log(1.0 - a) for a, b in _pairs(p, y)]
    return sum(losses) / len(losses)


def _math_loop_formula(p, y, eps=1e-12):
    losses = [-(b * math.log(a) + (1.0 - b) * math.log(1.0 - a)) for a, b in _pairs(p, y)]
    return sum(losses) / len(losses)


def _both_clippings(**mistake):
    return (bce(clip="both", **mistake), bce(clip="sym", **mistake))


# --- the derivatives ---------------------------------------------------------------


def _mse_for_bce(z, y):
    p = _sigmoid(z)
    return (p - _floats(y)) * p * (1.0 - p)


def _mse_for_bce_no_half(z, y):
    return 2.0 * _mse_for_bce(z, y)


def _grad_wrt_p(z, y):
    p = _sigmoid(z)
    return (p - _floats(y)) / (p * (1.0 - p))


def _grad_wrt_p_two_terms(z, y):
    p, y = _sigmoid(z), _floats(y)
    return -y / p + (1.0 - y) / (1.0 - p)


def _sigma_second_derivative(z):
    p = _sigmoid(z)
    return p * (1.0 - p) * (1.0 - 2.0 * p)


def _opposite_sign(call, expected):
    flipped = -np.asarray(expected, dtype=float)
    rtol, atol = tolerance_for(call.args, call.kwargs, expected)
    return same_numbers(call.received, flipped, rtol, atol) and not same_numbers(
        expected, flipped, rtol, atol
    )


# --- unstable sigmoid ----------------------------------------------------------------


def _exp_ratio_sigmoid(z):
    """exp(z) / (1 + exp(z)): inf / inf = NaN once z > 709.78 (float32: 88.72)."""
    e = np.exp(_as_float_array(z))
    return e / (1.0 + e)


def _one_over_sigmoid(z):
    """1 / (1 + exp(-z)): 0 once z < -709.78, where sigmoid(z) = e^z is tiny but not 0."""
    return 1.0 / (1.0 + np.exp(-_as_float_array(z)))


def _as_float_array(z):
    z = np.asarray(z)
    return z if z.dtype.kind == "f" else z.astype(float)


def _naive_in(function, naive_sigmoid):
    def naive_grad(z, y):
        return naive_sigmoid(z) - _floats(y)

    def naive_mse(z, y):
        p = naive_sigmoid(z)
        return (p - _floats(y)) * p * (1.0 - p)

    def naive_curvature(z):
        p = naive_sigmoid(z)
        return p * (1.0 - p)

    return {
        "sigmoid": naive_sigmoid,
        "bce_grad_logit": naive_grad,
        "mse_sigmoid_grad_logit": naive_mse,
        "bce_curvature": naive_curvature,
    }[function]


def _unstable_sigmoid(call, expected):
    """The values of a naive sigmoid (NaN far right, 0 far left), an OverflowError
    (math.exp), or, supporting the diagnosis, an overflow warning from sigmoid."""
    if call.function == "sigmoid" and any("overflow" in str(w).lower() for w in call.warnings):
        return True
    if call.error is not None:
        return call.error.kind == "raised" and call.error.type_name == "OverflowError"
    rtol, atol = tolerance_for(call.args, call.kwargs, expected)
    for naive_sigmoid in (_exp_ratio_sigmoid, _one_over_sigmoid):
        naive = _naive_in(call.function, naive_sigmoid)(*call.args, **call.kwargs)
        # relatively: far left a naive 0 is within any atol of the reference's e^z
        if same_numbers(call.received, naive, rtol, atol) and not same_numbers(expected, naive, rtol, 0.0):
            return True
    return False


MISTAKES = (
    Mistake(
        "no-clip",
        ("bce_loss",),
        Text(
            "p or 1 − p is not clipped: at p = 0 or p = 1 the log gives −inf, and 0·(−inf) gives NaN "
            "(in float32, 1 − 1e-12 rounds to 1: clipping p to [eps, 1 − eps] there leaves 1 − p at 0)",
            "p 或 1 − p 没有截断：p = 0 或 p = 1 时对数为 −inf，0·(−inf) 得到 NaN"
            "（在 float32 中 1 − 1e-12 会舍入成 1：把 p 截断到 [eps, 1 − eps] 后 1 − p 仍然是 0）",
        ),
        Text(
            "Clip both before the logs: np.log(np.clip(p, eps, 1.0)) and "
            "np.log(np.clip(1.0 - p, eps, 1.0)); 1 − p needs protecting too.",
            "取对数前两者都要截断：np.log(np.clip(p, eps, 1.0)) 和 "
            "np.log(np.clip(1.0 - p, eps, 1.0))；1 − p 同样需要保护。",
        ),
        imitations=(bce(clip="none"), bce(clip="low"), _picked_unclipped, _math_loop_if, _math_loop_formula),
    ),
    Mistake(
        "log10",
        ("bce_loss",),
        Text(
            "a base-10 (or base-2) logarithm: your losses are 0.434× (or 1.443×) the natural-log ones",
            "用了以 10（或 2）为底的对数：你的损失是自然对数结果的 0.434 倍（或 1.443 倍）",
        ),
        Text(
            "np.log is the natural logarithm; use it, not np.log10 or np.log2.",
            "np.log 就是自然对数；请用它，而不是 np.log10 或 np.log2。",
        ),
        imitations=_both_clippings(log=np.log10) + _both_clippings(log=np.log2),
    ),
    Mistake(
        "swapped-args",
        ("bce_loss",),
        Text(
            "the prediction and the label are swapped: your numbers are bce_loss(y, p)",
            "预测值和标签的位置反了：你的结果等于 bce_loss(y, p)",
        ),
        Text(
            "The prediction comes first and the label second: def bce_loss(p, y, eps=1e-12).",
            "参数顺序是先预测、后标签：def bce_loss(p, y, eps=1e-12)。",
        ),
        imitations=_both_clippings(swap=True),
    ),
    Mistake(
        "one-term-only",
        ("bce_loss",),
        Text(
            "only one of the two terms is computed: examples of the other label cost nothing",
            "只计算了两项中的一项：另一种标签的样本损失为 0",
        ),
        Text(
            "Both outcomes are penalised: −[y·ln p + (1 − y)·ln(1 − p)]; a y = 0 example costs −ln(1 − p).",
            "两种结果都要惩罚：−[y·ln p + (1 − y)·ln(1 − p)]；y = 0 的样本损失是 −ln(1 − p)。",
        ),
        imitations=_both_clippings(terms="y") + _both_clippings(terms="not-y"),
    ),
    Mistake(
        "mse-grad-for-bce",
        ("bce_grad_logit",),
        Text(
            "the squared-error gradient (p − y)·p(1 − p) was returned as the BCE gradient: "
            "it is p(1 − p) times too small (0.25× at z = 0, 0.045× at z = ±3)",
            "把均方误差的梯度 (p − y)·p(1 − p) 当成了 BCE 的梯度："
            "小了 p(1 − p) 倍（z = 0 时为 0.25 倍，z = ±3 时为 0.045 倍）",
        ),
        Text(
            "For BCE the sigmoid's slope p(1 − p) cancels in the chain rule: dL/dz = σ(z) − y.",
            "对 BCE 来说，链式法则中 sigmoid 的斜率 p(1 − p) 正好被约掉：dL/dz = σ(z) − y。",
        ),
        imitations=(_mse_for_bce, _mse_for_bce_no_half),
    ),
    Mistake(
        "grad-wrt-p",
        ("bce_grad_logit",),
        Text(
            "the derivative with respect to p, not z: 1 / (p(1 − p)) times too large (4× at z = 0)",
            "求的是对 p 的导数而不是对 z 的导数：大了 1 / (p(1 − p)) 倍（z = 0 时为 4 倍）",
        ),
        Text(
            "Apply the chain rule through the sigmoid: dL/dz = dL/dp · p(1 − p) = σ(z) − y.",
            "沿着 sigmoid 用链式法则：dL/dz = dL/dp · p(1 − p) = σ(z) − y。",
        ),
        imitations=(_grad_wrt_p, _grad_wrt_p_two_terms),
    ),
    Mistake(
        "grad-sign",
        ("bce_grad_logit", "mse_sigmoid_grad_logit"),
        Text(
            "the gradient has the wrong sign: your values are exactly −1 times the right ones (y − σ(z))",
            "梯度的符号反了：你的结果恰好是正确值的 −1 倍（y − σ(z)）",
        ),
        Text(
            "The gradient points uphill, towards a larger loss: σ(z) − y (the descent step subtracts it).",
            "梯度指向损失增大的方向：σ(z) − y（梯度下降时再减去它）。",
        ),
        signature=_opposite_sign,
    ),
    Mistake(
        "sigma-second-derivative",
        ("bce_curvature",),
        Text(
            "the sigmoid's second derivative p(1 − p)(1 − 2p) instead of the loss's: "
            "0 at z = 0 (should be 0.25), and negative for z > 0",
            "用了 sigmoid 的二阶导数 p(1 − p)(1 − 2p)，而不是损失的二阶导数："
            "z = 0 时为 0（应为 0.25），z > 0 时还是负数",
        ),
        Text(
            "Differentiate dL/dz = σ(z) − y once more: d²L/dz² = σ'(z) = p(1 − p).",
            "对 dL/dz = σ(z) − y 再求一次导：d²L/dz² = σ'(z) = p(1 − p)。",
        ),
        imitations=(_sigma_second_derivative,),
    ),
    Mistake(
        "unstable-sigmoid",
        LOGIT_FUNCTIONS,
        Text(
            "the sigmoid overflows for large |z|: exp(1000) is inf (an overflow warning, "
            "an OverflowError from math.exp, or NaN from inf / inf)",
            "|z| 很大时 sigmoid 溢出：exp(1000) 是 inf（出现 overflow 警告、"
            "math.exp 抛出 OverflowError，或 inf / inf 得到 NaN）",
        ),
        Text(
            "Split on the sign of z and only take exp of non-positive numbers: "
            "for z ≥ 0 use 1 / (1 + exp(−z)), for z < 0 use exp(z) / (1 + exp(z)); "
            "e.g. e = np.exp(-np.abs(z)). Beware: np.where evaluates both branches, "
            "so an np.exp(z) inside it still overflows. "
            "float64 exp overflows above 709.78 (float32: 88.72).",
            "按 z 的正负分开，只对非正数求 exp：z ≥ 0 用 1 / (1 + exp(−z))，"
            "z < 0 用 exp(z) / (1 + exp(z))；例如先算 e = np.exp(-np.abs(z))。"
            "注意：np.where 会把两个分支都算一遍，放在里面的 np.exp(z) 照样溢出。"
            "float64 的 exp 在 709.78 以上就会溢出（float32：88.72）。",
        ),
        signature=_unstable_sigmoid,
    ),
)
