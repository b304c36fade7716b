"""Form fields are drawn with our ``html_params`` (forms.py): the attributes WTForms writes,
in its order, with its escaping, faster."""
from markupsafe import Markup
from wtforms.widgets import core

from association.forms import html_params


def test_wtforms_widgets_draw_with_ours():
    assert core.html_params is html_params
    assert core.TextInput.html_params is html_params
    assert core.SubmitInput.html_params is html_params
    assert core.Button.html_params is html_params


def test_attributes_are_written_as_wtforms_writes_them():
    assert html_params(name="x", id="y", class_="a b", data_foo_bar="1",
                       aria_describedby="h e", required=True, disabled=False,
                       value="<\"&'>") == (
        'aria-describedby="h e" class="a b" data-foo-bar="1" id="y" name="x" required '
        'value="&lt;&#34;&amp;&#39;&gt;"')
    assert html_params(value=Markup('a"b<i>')) == 'value="a&quot;b<i>"'
    assert html_params(value=3, selected=True) == 'selected value="3"'
    assert html_params(**{"for": "z", "aria-invalid": "true"}) == 'aria-invalid="true" for="z"'
    assert isinstance(html_params(value=1), Markup)

