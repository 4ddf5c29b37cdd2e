var ic=Object.defineProperty;var lc=(e,t,r)=>t in e?ic(e,t,{enumerable:!0,configurable:!0,writable:!0,value:r}):e[t]=r;var Br=(e,t,r)=>lc(e,typeof t!="symbol"?t+"":t,r);var lo,Se,gs,cn,cl,ys,_s,Bo,Gr,Ir,vs,mi,Jo,Qo,Xr={},eo=[],sc=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,so=Array.isArray;function Xt(e,t){for(var r in t)e[r]=t[r];return e}function pi(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function ac(e,t,r){var n,i,s,c={};for(s in t)s=="key"?n=t[s]:s=="ref"?i=t[s]:c[s]=t[s];if(arguments.length>2&&(c.children=arguments.length>3?lo.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)c[s]===void 0&&(c[s]=e.defaultProps[s]);return jr(e,c,n,i,null)}function jr(e,t,r,n,i){var s={type:e,props:t,key:r,ref:n,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:i??++gs,__i:-1,__u:0};return i==null&&Se.vnode!=null&&Se.vnode(s),s}function ft(e){return e.children}function Yr(e,t){this.props=e,this.context=t}function Tn(e,t){if(t==null)return e.__?Tn(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?Tn(e):null}function cc(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,n=[],i=[],s=Xt({},t);s.__v=t.__v+1,Se.vnode&&Se.vnode(s),gi(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,n,r??Tn(t),!!(32&t.__u),i),s.__v=t.__v,s.__.__k[s.__i]=s,As(n,s,i),t.__e=t.__=null,s.__e!=r&&ws(s)}}function ws(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),ws(e)}function ul(e){(!e.__d&&(e.__d=!0)&&cn.push(e)&&!to.__r++||cl!=Se.debounceRendering)&&((cl=Se.debounceRendering)||ys)(to)}function to(){try{for(var e,t=1;cn.length;)cn.length>t&&cn.sort(_s),e=cn.shift(),t=cn.length,cc(e)}finally{cn.length=to.__r=0}}function bs(e,t,r,n,i,s,c,f,g,d,v){var m,u,y,b,w,A,I=n&&n.__k||eo,k=t.length;for(g=uc(r,t,I,g,k),m=0;m<k;m++)(y=r.__k[m])!=null&&(u=y.__i!=-1&&I[y.__i]||Xr,y.__i=m,A=gi(e,y,u,i,s,c,f,g,d,v),b=y.__e,y.ref&&u.ref!=y.ref&&(u.ref&&yi(u.ref,null,y),v.push(y.ref,y.__c||b,y)),w==null&&b!=null&&(w=b),4&y.__u?(g=Ss(y,g,e),u.__e&&(u.__e=null)):typeof y.type=="function"&&A!==void 0?g=A:b&&(g=b.nextSibling),y.__u&=-7);return r.__e=w,g}function uc(e,t,r,n,i){var s,c,f,g,d,v=r.length,m=v,u=0;for(e.__k=new Array(i),s=0;s<i;s++)(c=t[s])!=null&&typeof c!="boolean"&&typeof c!="function"?(typeof c=="string"||typeof c=="number"||typeof c=="bigint"||c.constructor==String?c=e.__k[s]=jr(null,c,null,null,null):so(c)?c=e.__k[s]=jr(ft,{children:c},null,null,null):c.constructor===void 0&&c.__b>0?c=e.__k[s]=jr(c.type,c.props,c.key,c.ref?c.ref:null,c.__v):e.__k[s]=c,g=s+u,c.__=e,c.__b=e.__b+1,f=null,(d=c.__i=dc(c,r,g,m))!=-1&&(m--,(f=r[d])&&(f.__u|=2)),f==null||f.__v==null?(d==-1&&(i>v?u--:i<v&&u++),typeof c.type!="function"&&(c.__u|=4)):d!=g&&(d==g-1?u--:d==g+1?u++:(d>g?u--:u++,c.__u|=4))):e.__k[s]=null;if(m)for(s=0;s<v;s++)(f=r[s])!=null&&!(2&f.__u)&&(f.__e==n&&(n=Tn(f)),Cs(f,f));return n}function Ss(e,t,r){var n,i;if(typeof e.type=="function"){for(n=e.__k,i=0;n&&i<n.length;i++)n[i]&&(n[i].__=e,t=Ss(n[i],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=Tn(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function dc(e,t,r,n){var i,s,c,f=e.key,g=e.type,d=t[r],v=d!=null&&(2&d.__u)==0;if(d===null&&f==null||v&&f==d.key&&g==d.type)return r;if(n>(v?1:0)){for(i=r-1,s=r+1;i>=0||s<t.length;)if((d=t[c=i>=0?i--:s++])!=null&&!(2&d.__u)&&f==d.key&&g==d.type)return c}return-1}function dl(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||sc.test(t)?r:r+"px"}function Fr(e,t,r,n,i){var s,c;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof n=="string"&&(e.style.cssText=n=""),n)for(t in n)r&&t in r||dl(e.style,t,"");if(r)for(t in r)n&&r[t]==n[t]||dl(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(vs,"$1")),c=t.toLowerCase(),t=c in e||t=="onFocusOut"||t=="onFocusIn"?c.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=r,r?n?r[Ir]=n[Ir]:(r[Ir]=mi,e.addEventListener(t,s?Qo:Jo,s)):e.removeEventListener(t,s?Qo:Jo,s);else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function fl(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Gr]==null)t[Gr]=mi++;else if(t[Gr]<r[Ir])return;return r(Se.event?Se.event(t):t)}}}function gi(e,t,r,n,i,s,c,f,g,d){var v,m,u,y,b,w,A,I,k,E,C,z,x,Q,V,G,H=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(g=!!(32&r.__u),s=[f=t.__e=r.__e]),(v=Se.__b)&&v(t);e:if(typeof H=="function"){m=c.length;try{if(k=t.props,E=H.prototype&&H.prototype.render,C=(v=H.contextType)&&n[v.__c],z=v?C?C.props.value:v.__:n,r.__c?I=(u=t.__c=r.__c).__=u.__E:(E?t.__c=u=new H(k,z):(t.__c=u=new Yr(k,z),u.constructor=H,u.render=hc),C&&C.sub(u),u.state||(u.state={}),u.__n=n,y=u.__d=!0,u.__h=[],u._sb=[]),E&&u.__s==null&&(u.__s=u.state),E&&H.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=Xt({},u.__s)),Xt(u.__s,H.getDerivedStateFromProps(k,u.__s))),b=u.props,w=u.state,u.__v=t,y)E&&H.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),E&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(E&&H.getDerivedStateFromProps==null&&k!==b&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(k,z),t.__v==r.__v||!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(k,u.__s,z)===!1){t.__v!=r.__v&&(u.props=k,u.state=u.__s,u.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(N){N&&(N.__=t)}),eo.push.apply(u.__h,u._sb),u._sb=[],u.__h.length&&c.push(u),f=Tn(r);break e}u.componentWillUpdate!=null&&u.componentWillUpdate(k,u.__s,z),E&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate(b,w,A)})}if(u.context=z,u.props=k,u.__P=e,u.__e=!1,x=Se.__r,Q=0,E)u.state=u.__s,u.__d=!1,x&&x(t),v=u.render(u.props,u.state,u.context),eo.push.apply(u.__h,u._sb),u._sb=[];else do u.__d=!1,x&&x(t),v=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++Q<25);u.state=u.__s,u.getChildContext!=null&&(n=Xt(Xt({},n),u.getChildContext())),E&&!y&&u.getSnapshotBeforeUpdate!=null&&(A=u.getSnapshotBeforeUpdate(b,w)),V=v!=null&&v.type===ft&&v.key==null?Is(v.props.children):v,f=bs(e,so(V)?V:[V],t,r,n,i,s,c,f,g,d),u.base=t.__e,t.__u&=-161,u.__h.length&&c.push(u),I&&(u.__E=u.__=null)}catch(N){if(c.length=m,t.__v=null,g||s!=null){if(N.then){for(t.__u|=g?160:128;f&&f.nodeType==8&&f.nextSibling;)f=f.nextSibling;s!=null&&(s[s.indexOf(f)]=null),t.__e=f}else if(s!=null)for(G=s.length;G--;)pi(s[G])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),N.then||ks(t),Se.__e(N,t,r)}}else s==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):f=t.__e=fc(r.__e,t,r,n,i,s,c,g,d);return(v=Se.diffed)&&v(t),128&t.__u?void 0:f}function ks(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(ks))}function As(e,t,r){for(var n=0;n<r.length;n++)yi(r[n],r[++n],r[++n]);Se.__c&&Se.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(s){s.call(i)})}catch(s){Se.__e(s,i.__v)}})}function Is(e){return typeof e!="object"||e==null||e.__b>0?e:so(e)?e.map(Is):e.constructor!==void 0?null:Xt({},e)}function fc(e,t,r,n,i,s,c,f,g){var d,v,m,u,y,b,w,A=r.props||Xr,I=t.props,k=t.type;if(k=="svg"?i="http://www.w3.org/2000/svg":k=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),s!=null){for(d=0;d<s.length;d++)if((y=s[d])&&"setAttribute"in y==!!k&&(k?y.localName==k:y.nodeType==3)){e=y,s[d]=null;break}}if(e==null){if(k==null)return document.createTextNode(I);e=document.createElementNS(i,k,I.is&&I),f&&(Se.__m&&Se.__m(t,s),f=!1),s=null}if(k==null)A===I||f&&e.data==I||(e.data=I);else{if(s=k=="textarea"&&I.defaultValue!=null?null:s&&lo.call(e.childNodes),!f&&s!=null)for(A={},d=0;d<e.attributes.length;d++)A[(y=e.attributes[d]).name]=y.value;for(d in A)y=A[d],d=="dangerouslySetInnerHTML"?m=y:d=="children"||d in I||d=="value"&&"defaultValue"in I||d=="checked"&&"defaultChecked"in I||Fr(e,d,null,y,i);for(d in I)y=I[d],d=="children"?u=y:d=="dangerouslySetInnerHTML"?v=y:d=="value"?b=y:d=="checked"?w=y:f&&typeof y!="function"||A[d]===y||Fr(e,d,y,A[d],i);if(v)f||m&&(v.__html==m.__html||v.__html==e.innerHTML)||(e.innerHTML=v.__html),t.__k=[];else if(m&&(e.innerHTML=""),bs(t.type=="template"?e.content:e,so(u)?u:[u],t,r,n,k=="foreignObject"?"http://www.w3.org/1999/xhtml":i,s,c,s?s[0]:r.__k&&Tn(r,0),f,g),s!=null)for(d=s.length;d--;)pi(s[d]);f&&k!="textarea"||(d="value",k=="progress"&&b==null?e.removeAttribute("value"):b!=null&&(b!==e[d]||k=="progress"&&!b||k=="option"&&b!=A[d])&&Fr(e,d,b,A[d],i),d="checked",w!=null&&w!=e[d]&&Fr(e,d,w,A[d],i))}return e}function yi(e,t,r){try{if(typeof e=="function"){var n=typeof e.__u=="function";n&&e.__u(),n&&t==null||(e.__u=e(t))}else e.current=t}catch(i){Se.__e(i,r)}}function Cs(e,t,r){var n,i;if(Se.unmount&&Se.unmount(e),(n=e.ref)&&(n.current&&n.current!=e.__e||yi(n,null,t)),(n=e.__c)!=null){if(n.componentWillUnmount)try{n.componentWillUnmount()}catch(s){Se.__e(s,t)}n.base=n.__P=n.__n=null}if(n=e.__k)for(i=0;i<n.length;i++)n[i]&&Cs(n[i],t,r||typeof e.type!="function");r||pi(e.__e),e.__c=e.__=e.__e=void 0}function hc(e,t,r){return this.constructor(e,r)}function mc(e,t,r){var n,i,s,c;t==document&&(t=document.documentElement),Se.__&&Se.__(e,t),i=(n=!1)?null:t.__k,s=[],c=[],gi(t,e=t.__k=ac(ft,null,[e]),i||Xr,Xr,t.namespaceURI,i?null:t.firstChild?lo.call(t.childNodes):null,s,i?i.__e:t.firstChild,n,c),As(s,e,c),e.props.children=null}lo=eo.slice,Se={__e:function(e,t,r,n){for(var i,s,c;t=t.__;)if((i=t.__c)&&!i.__)try{if((s=i.constructor)&&s.getDerivedStateFromError!=null&&(i.setState(s.getDerivedStateFromError(e)),c=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,n||{}),c=i.__d),c)return i.__E=i}catch(f){e=f}throw e}},gs=0,Yr.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=Xt({},this.state),typeof e=="function"&&(e=e(Xt({},r),this.props)),e&&Xt(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),ul(this))},Yr.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),ul(this))},Yr.prototype.render=ft,cn=[],ys=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,_s=function(e,t){return e.__v.__b-t.__v.__b},to.__r=0,Bo=Math.random().toString(8),Gr="__d"+Bo,Ir="__a"+Bo,vs=/(PointerCapture)$|Capture$/i,mi=0,Jo=fl(!1),Qo=fl(!0);var pc=0;function o(e,t,r,n,i,s){t||(t={});var c,f,g=t;if("ref"in g)for(f in g={},t)f=="ref"?c=t[f]:g[f]=t[f];var d={type:e,props:g,key:r,ref:c,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--pc,__i:-1,__u:0,__source:i,__self:s};if(typeof e=="function"&&(c=e.defaultProps))for(f in c)g[f]===void 0&&(g[f]=c[f]);return Se.vnode&&Se.vnode(d),d}var Er,Le,Fo,hl,no=0,$s=[],qe=Se,ml=qe.__b,pl=qe.__r,gl=qe.diffed,yl=qe.__c,_l=qe.unmount,vl=qe.__;function _i(e,t){qe.__h&&qe.__h(Le,e,no||t),no=0;var r=Le.__H||(Le.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function O(e){return no=1,gc(Ds,e)}function gc(e,t,r){var n=_i(Er++,2);if(n.t=e,!n.__c&&(n.__=[Ds(void 0,t),function(f){var g=n.__N?n.__N[0]:n.__[0],d=n.t(g,f);g!==d&&(n.__N=[d,n.__[1]],n.__c.setState({}))}],n.__c=Le,!Le.__f)){var i=function(f,g,d){if(!n.__c.__H)return!0;var v=!1,m=n.__c.props!==f;if(n.__c.__H.__.some(function(y){if(y.__N){v=!0;var b=y.__[0];y.__=y.__N,y.__N=void 0,b!==y.__[0]&&(m=!0)}}),s){var u=s.call(this,f,g,d);return v?u||m:u}return!v||m};Le.__f=!0;var s=Le.shouldComponentUpdate,c=Le.componentWillUpdate;Le.componentWillUpdate=function(f,g,d){if(this.__e){var v=s;s=void 0,i(f,g,d),s=v}c&&c.call(this,f,g,d)},Le.shouldComponentUpdate=i}return n.__N||n.__}function ht(e,t){var r=_i(Er++,3);!qe.__s&&Ts(r.__H,t)&&(r.__=e,r.u=t,Le.__H.__h.push(r))}function yc(e){return no=5,Es(function(){return{current:e}},[])}function Es(e,t){var r=_i(Er++,7);return Ts(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function _c(){for(var e;e=$s.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Jr),t.__h.some(Zo),t.__h=[]}catch(r){t.__h=[],qe.__e(r,e.__v)}}}qe.__b=function(e){Le=null,ml&&ml(e)},qe.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),vl&&vl(e,t)},qe.__r=function(e){pl&&pl(e),Er=0;var t=(Le=e.__c).__H;t&&(Fo===Le?(t.__h=[],Le.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Jr),t.__h.some(Zo),t.__h=[],Er=0)),Fo=Le},qe.diffed=function(e){gl&&gl(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&($s.push(t)!==1&&hl===qe.requestAnimationFrame||((hl=qe.requestAnimationFrame)||vc)(_c)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Fo=Le=null},qe.__c=function(e,t){t.some(function(r){try{r.__h.some(Jr),r.__h=r.__h.filter(function(n){return!n.__||Zo(n)})}catch(n){t.some(function(i){i.__h&&(i.__h=[])}),t=[],qe.__e(n,r.__v)}}),yl&&yl(e,t)},qe.unmount=function(e){_l&&_l(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(n){try{Jr(n)}catch(i){t=i}}),r.__H=void 0,t&&qe.__e(t,r.__v))};var wl=typeof requestAnimationFrame=="function";function vc(e){var t,r=function(){clearTimeout(n),wl&&cancelAnimationFrame(t),setTimeout(e)},n=setTimeout(r,35);wl&&(t=requestAnimationFrame(r))}function Jr(e){var t=Le,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),Le=t}function Zo(e){var t=Le;e.__c=e.__(),Le=t}function Ts(e,t){return!e||e.length!==t.length||t.some(function(r,n){return r!==e[n]})}function Ds(e,t){return typeof t=="function"?t(e):t}const wc={csrf:"__Host-mw_csrf"},bc="X-CSRF-Token",Rs="/graphql",Sc="/export/usage.csv";class Z extends String{constructor(r,n){super(r);Br(this,"__apiType");Br(this,"value");Br(this,"__meta__");this.value=r,this.__meta__=n}toString(){return this.value}}const kc=new Z(`
    mutation StepUp($code: String!) {
  verifyMfa(input: {code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Ac=new Z(`
    mutation LogOut {
  logOut
}
    `),Ic=new Z(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(input: {email: $email, password: $password}) {
    token
    mfaRequired
    mfaToken
    errors {
      code
      message
      field
    }
  }
}
    `),Cc=new Z(`
    mutation VerifyMfa($mfaToken: String!, $code: String!) {
  verifyMfa(input: {mfaToken: $mfaToken, code: $code}) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),$c=new Z(`
    mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
  signUp(
    input: {inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName}
  ) {
    token
    errors {
      code
      message
      field
    }
  }
}
    `),Ec=new Z(`
    mutation StartTotp {
  startTotpEnrollment {
    secret
    provisioningUri
    qrSvg
    errors {
      code
      message
    }
  }
}
    `),Tc=new Z(`
    mutation ConfirmTotp($code: String!) {
  confirmTotpEnrollment(code: $code) {
    recoveryCodes
    errors {
      code
      message
      field
    }
  }
}
    `),Dc=new Z(`
    query Budgets {
  budgets {
    id
    name
    amount
    currency
    period
    periodStart
    periodEnd
    spent
    remaining
    percentUsed
    estimated
    thresholds
    forecastAlert
    forecast {
      amount
      low
      high
      breachAt
    }
  }
}
    `),Rc=new Z(`
    mutation CreateBudget($input: BudgetInput!) {
  createBudget(input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),xc=new Z(`
    mutation UpdateBudget($id: ID!, $input: BudgetInput!) {
  updateBudget(id: $id, input: $input) {
    budget {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Nc=new Z(`
    mutation DeleteBudget($id: ID!) {
  deleteBudget(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Mc=new Z(`
    query Alerts($after: String) {
  alerts(first: 20, after: $after) {
    nodes {
      id
      kind
      severity
      title
      message
      budgetId
      createdAt
      acknowledgedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),Pc=new Z(`
    mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    alert {
      id
      acknowledgedAt
    }
    errors {
      code
      message
    }
  }
}
    `),Lc=new Z(`
    subscription AlertRaised {
  alertRaised {
    id
    kind
    severity
    title
    message
    budgetId
    createdAt
    acknowledgedAt
  }
}
    `),Oc=new Z(`
    query Channels {
  notificationChannels {
    id
    kind
    name
    targetHint
    alertKinds
    createdAt
  }
}
    `),Uc=new Z(`
    mutation CreateChannel($input: NotificationChannelInput!) {
  createNotificationChannel(input: $input) {
    channel {
      id
    }
    secret
    errors {
      code
      message
      field
    }
  }
}
    `),qc=new Z(`
    mutation TestChannel($id: ID!) {
  testNotificationChannel(id: $id) {
    delivery {
      status
      lastError
    }
    errors {
      code
      message
    }
  }
}
    `),Bc=new Z(`
    mutation DeleteChannel($id: ID!) {
  deleteNotificationChannel(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),Fc=new Z(`
    query Connections {
  connections {
    id
    provider
    label
    keyHint
    status
    lastSyncedAt
    lastError
  }
}
    `),Hc=new Z(`
    mutation Connect($input: ConnectProviderInput!) {
  connectProvider(input: $input) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Vc=new Z(`
    mutation ReplaceKey($id: ID!, $apiKey: String!) {
  replaceProviderKey(id: $id, apiKey: $apiKey) {
    connection {
      id
    }
    errors {
      code
      message
      field
    }
  }
}
    `),Wc=new Z(`
    mutation RemoveConnection($id: ID!) {
  removeConnection(id: $id) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `),zc=new Z(`
    mutation SyncNow($id: ID!) {
  syncConnection(id: $id) {
    alreadyActive
    run {
      status
    }
    errors {
      code
      message
    }
  }
}
    `),Kc=new Z(`
    query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
  usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    currency
    totalCost
    costBasis
    inputTokens
    outputTokens
    requests
    series {
      bucketStart
      provider
      model
      project
      apiKey
      connectionId
      cost
      costBasis
      connection {
        label
      }
    }
  }
  month: usage(filter: $month, granularity: MONTH) {
    currency
    totalCost
    costBasis
  }
  connections {
    id
    provider
    label
    status
    lastSyncedAt
    lastError
  }
}
    `),Gc=new Z(`
    query Revisions($filter: UsageFilter!) {
  usageRevisions(filter: $filter, first: 10) {
    edges {
      node {
        id
        kind
        bucketStart
        provider
        model
        project
        lineItem
        currency
        costDelta
        revisedAt
      }
    }
  }
}
    `),jc=new Z(`
    subscription UsageUpdated {
  usageUpdated {
    connectionId
    rowsChanged
  }
}
    `),Yc=new Z(`
    subscription SyncStatusLive {
  syncStatus {
    connectionId
    status
    rowsChanged
    error
  }
}
    `),Jc=new Z(`
    query Members {
  members {
    id
    email
    role
    mfaEnabled
    joinedAt
    lastActiveAt
  }
}
    `),Qc=new Z(`
    mutation Invite($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    code
    invite {
      expiresAt
    }
    errors {
      code
      message
    }
  }
}
    `),Zc=new Z(`
    query Invites {
  invites {
    id
    role
    maxUses
    usesLeft
    expiresAt
    createdByEmail
  }
}
    `),Xc=new Z(`
    mutation RevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    invite {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),eu=new Z(`
    mutation ChangeRole($memberId: ID!, $role: Role!) {
  changeMemberRole(memberId: $memberId, role: $role) {
    member {
      id
      role
    }
    errors {
      code
      message
    }
  }
}
    `),tu=new Z(`
    mutation RemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    ok
    errors {
      code
      message
    }
  }
}
    `),nu=new Z(`
    query Tokens {
  apiTokens {
    id
    name
    scope
    ownerEmail
    createdAt
    expiresAt
    lastUsedAt
    active
  }
}
    `),ru=new Z(`
    mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    errors {
      code
      message
    }
  }
}
    `),ou=new Z(`
    mutation RevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),iu=new Z(`
    query Sessions {
  sessions {
    id
    email
    ip
    userAgent
    createdAt
    lastSeenAt
    current
  }
}
    `),lu=new Z(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id) {
    ok
    errors {
      code
      message
    }
  }
}
    `),su=new Z(`
    query Audit($after: String) {
  auditLog(first: 50, after: $after) {
    edges {
      node {
        id
        seq
        action
        actorEmail
        target
        ip
        occurredAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),au=new Z(`
    query SecurityEvents($after: String) {
  securityEvents(first: 50, after: $after) {
    edges {
      node {
        id
        kind
        severity
        details
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `),cu=new Z(`
    query AccessReview {
  accessReview {
    id
    trigger
    createdAt
    completedAt
    completedBy
    openFindings
    findings {
      id
      kind
      subjectId
      summary
      since
      open
    }
  }
}
    `),uu=new Z(`
    mutation RunAccessReview {
  runAccessReview {
    review {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),du=new Z(`
    mutation CompleteAccessReview($id: ID!, $note: String) {
  completeAccessReview(id: $id, note: $note) {
    review {
      id
    }
    errors {
      code
      message
    }
  }
}
    `),fu=new Z(`
    query ThirdParties {
  thirdParties {
    kind
    id
    name
    destination
    addedAt
    lastUsedAt
    status
  }
}
    `),hu=new Z(`
    mutation ReviewRevokeToken($id: ID!) {
  revokeApiToken(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),mu=new Z(`
    mutation ReviewRevokeInvite($id: ID!) {
  revokeInvite(id: $id) {
    errors {
      code
      message
    }
  }
}
    `),pu=new Z(`
    mutation ReviewRemoveMember($memberId: ID!) {
  removeMember(memberId: $memberId) {
    errors {
      code
      message
    }
  }
}
    `),gu=new Z(`
    mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
  updateAccountSettings(input: $input) {
    account {
      id
      name
      mfaRequired
    }
    errors {
      code
      message
      field
    }
  }
}
    `),yu=new Z(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    ok
    errors {
      code
      message
      field
    }
  }
}
    `),_u=new Z(`
    mutation DeleteAccount($input: DeleteAccountInput!) {
  deleteAccount(input: $input) {
    deletedId
    errors {
      code
      message
      field
    }
  }
}
    `),vu=new Z(`
    query Viewer {
  me {
    id
    email
    mfaEnabled
  }
}
    `),wu=new Z(`
    query AccountInfo {
  account {
    id
    name
    role
    mfaRequired
  }
}
    `),bu={"\n  mutation StepUp($code: String!) {\n    verifyMfa(input: { code: $code }) { token errors { code message field } }\n  }\n":kc,"mutation LogOut { logOut }":Ac,"\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(input: { email: $email, password: $password }) {\n      token mfaRequired mfaToken errors { code message field }\n    }\n  }\n":Ic,"\n  mutation VerifyMfa($mfaToken: String!, $code: String!) {\n    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }\n  }\n":Cc,"\n  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {\n    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {\n      token errors { code message field }\n    }\n  }\n":$c,"\n  mutation StartTotp { startTotpEnrollment { secret provisioningUri qrSvg errors { code message } } }\n":Ec,"\n  mutation ConfirmTotp($code: String!) {\n    confirmTotpEnrollment(code: $code) { recoveryCodes errors { code message field } }\n  }\n":Tc,"\n  query Budgets {\n    budgets {\n      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated\n      thresholds forecastAlert forecast { amount low high breachAt }\n    }\n  }\n":Dc,"\n  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }\n":Rc,"\n  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }\n":xc,"\n  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }\n":Nc,"\n  query Alerts($after: String) {\n    alerts(first: 20, after: $after) {\n      nodes { id kind severity title message budgetId createdAt acknowledgedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":Mc,"\n  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }\n":Pc,"\n  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }\n":Lc,"query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }":Oc,"\n  mutation CreateChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }\n  }\n":Uc,"\n  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }\n":qc,"\n  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }\n":Bc,"\n  query Connections { connections { id provider label keyHint status lastSyncedAt lastError } }\n":Fc,"\n  mutation Connect($input: ConnectProviderInput!) {\n    connectProvider(input: $input) { connection { id } errors { code message field } }\n  }\n":Hc,"\n  mutation ReplaceKey($id: ID!, $apiKey: String!) {\n    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }\n  }\n":Vc,"\n  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }\n":Wc,"\n  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }\n":zc,"\n  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {\n    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {\n      currency totalCost costBasis inputTokens outputTokens requests\n      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }\n    }\n    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }\n    connections { id provider label status lastSyncedAt lastError }\n  }\n":Kc,"\n  query Revisions($filter: UsageFilter!) {\n    usageRevisions(filter: $filter, first: 10) {\n      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }\n    }\n  }\n":Gc,"\n  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }\n":jc,"\n  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }\n":Yc,"query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }":Jc,"\n  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }\n":Qc,"query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }":Zc,"mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }":Xc,"\n  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }\n":eu,"mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }":tu,"query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }":nu,"\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }\n":ru,"mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }":ou,"query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }":iu,"mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }":lu,"\n  query Audit($after: String) {\n    auditLog(first: 50, after: $after) {\n      edges { node { id seq action actorEmail target ip occurredAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":su,"\n  query SecurityEvents($after: String) {\n    securityEvents(first: 50, after: $after) {\n      edges { node { id kind severity details createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n":au,"\n  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings\n    findings { id kind subjectId summary since open } } }\n":cu,"mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }":uu,"\n  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }\n":du,"query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }":fu,"mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }":hu,"mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }":mu,"mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }":pu,"\n  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {\n    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }\n  }\n":gu,"\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }\n":yu,"\n  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }\n":_u,"\n  query Viewer {\n    me { id email mfaEnabled }\n  }\n":vu,"\n  query AccountInfo {\n    account { id name role mfaRequired }\n  }\n":wu};function X(e){return bu[e]??{}}class Qr extends Error{constructor(t,r,n){super(r),this.code=t,this.retryAfter=n}}const Su={UNAUTHENTICATED:"Your session has ended. Sign in again.",FORBIDDEN:"Your role does not allow this.",MFA_REQUIRED:"Set up two-factor authentication first.",QUERY_TOO_COMPLEX:"That request is too large; narrow the range or filters."};function ku(e){for(const t of document.cookie.split(";")){const[r,...n]=t.trim().split("=");if(r===e)return decodeURIComponent(n.join("="))}return null}function xs(){const e=ku(wc.csrf);return e?{[bc]:e}:{}}let Ns=null;const Xo=new Set;function Au(){return Ns}function $n(e){Ns=e,Xo.forEach(t=>t())}function Iu(e){return Xo.add(e),()=>Xo.delete(e)}const ei=new Set;function Cu(e){return ei.add(e),()=>ei.delete(e)}async function he(e,t){var s,c,f,g;let r;try{r=await fetch(Rs,{method:"POST",credentials:"same-origin",headers:{"content-type":"application/json",accept:"application/json",...xs()},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new Qr("NETWORK","Meterwise cannot be reached. Check your connection and retry.")}let n;try{n=await r.json()}catch{throw new Qr("INTERNAL",`The server answered ${r.status}; try again shortly.`)}const i=(s=n.errors)==null?void 0:s[0];if(i){const d=String(((c=i.extensions)==null?void 0:c.code)??"INTERNAL");d==="UNAUTHENTICATED"&&ei.forEach(u=>u());const v=Number(((f=i.extensions)==null?void 0:f.retryAfter)??0)||void 0,m=d==="RATE_LIMITED"?`Too many requests; try again in ${v??60} s.`:d==="INTERNAL"?`Something went wrong on our side${(g=i.extensions)!=null&&g.requestId?` (request ${String(i.extensions.requestId)})`:""}.`:Su[d]??i.message;throw new Qr(d,m,v)}return n.data}const $u=X(`
  mutation StepUp($code: String!) {
    verifyMfa(input: { code: $code }) { token errors { code message field } }
  }
`);let ti=null;function bl(e){ti=e}async function Eu(e){const t=await he($u,{code:e}),r=t.verifyMfa.errors[0];return r?r.message:($n(t.verifyMfa.token??null),null)}async function We(e,t,r){const n=await he(e,t);return!r(n).some(s=>s.code==="STEP_UP_REQUIRED")||!ti?n:await ti(Eu)?he(e,t):n}function be(e){const t=`f-${e.name}`;return o("div",{class:"field",children:[o("label",{for:t,children:e.label}),o("input",{id:t,name:e.name,type:e.type??"text",value:e.value,autocomplete:e.autocomplete??"off",required:e.required,inputMode:e.inputMode,"aria-invalid":e.error?"true":void 0,"aria-describedby":e.hint?`${t}-hint`:void 0,onInput:r=>e.onInput(r.target.value)}),e.hint&&o("p",{class:"hint",id:`${t}-hint`,children:e.hint}),e.error&&o("p",{class:"field-error",role:"alert",children:e.error})]})}function Yt(e){const t=`s-${e.name}`;return o("div",{class:"field",children:[o("label",{for:t,children:e.label}),o("select",{id:t,name:e.name,value:e.value,onChange:r=>e.onChange(r.target.value),children:e.options.map(([r,n])=>o("option",{value:r,children:n},r))})]})}function Ee(e){return e.error?o("p",{class:"banner error",role:"alert",children:e.error}):e.notice?o("p",{class:"banner notice",role:"status",children:e.notice}):null}function xn(e){return e instanceof Qr?e.message:"Something went wrong; try again."}function ye(e){var t;return((t=e[0])==null?void 0:t.message)??null}function et(){const[e,t]=O(!1),[r,n]=O(null);return{busy:e,error:r,setError:n,run:async s=>{t(!0),n(null);try{const c=await s();c&&n(c)}catch(c){n(xn(c))}finally{t(!1)}}}}function Bt(e){return o("section",{class:"page","aria-labelledby":"page-title",children:[o("header",{class:"page-head",children:[o("h1",{id:"page-title",tabIndex:-1,children:e.title}),e.actions]}),e.children]})}function Oe(e){return e?new Date(e).toLocaleString(void 0,{dateStyle:"medium",timeStyle:"short"}):"never"}function Rt(e,t="USD"){return new Intl.NumberFormat(void 0,{style:"currency",currency:t,maximumFractionDigits:2}).format(Number(e))}function Tu(e,t,r="text/plain"){const n=URL.createObjectURL(new Blob([t],{type:r})),i=document.createElement("a");i.href=n,i.download=e,i.click(),setTimeout(()=>URL.revokeObjectURL(n),1e3)}function Dn(e){const[t,r]=O(null),[n,i]=O(null),s=()=>e().then(r,c=>i(xn(c)));return ht(()=>{s()},[]),{items:t,error:n,reload:s}}const Du=X(`
  mutation LogIn($email: String!, $password: String!) {
    logIn(input: { email: $email, password: $password }) {
      token mfaRequired mfaToken errors { code message field }
    }
  }
`),Ru=X(`
  mutation VerifyMfa($mfaToken: String!, $code: String!) {
    verifyMfa(input: { mfaToken: $mfaToken, code: $code }) { token errors { code message field } }
  }
`),xu=X(`
  mutation SignUp($inviteCode: String!, $email: String!, $password: String!, $accountName: String) {
    signUp(input: { inviteCode: $inviteCode, email: $email, password: $password, accountName: $accountName }) {
      token errors { code message field }
    }
  }
`),Nu=X(`
  mutation StartTotp { startTotpEnrollment { secret provisioningUri qrSvg errors { code message } } }
`),Mu=X(`
  mutation ConfirmTotp($code: String!) {
    confirmTotpEnrollment(code: $code) { recoveryCodes errors { code message field } }
  }
`);function Pu(e){const[t,r]=O(""),[n,i]=O(""),[s,c]=O(null),[f,g]=O(""),[d,v]=O(!1),{busy:m,error:u,run:y}=et(),b=A=>{A.preventDefault(),y(async()=>{const{logIn:I}=await he(Du,{email:t,password:n});return I.errors.length?ye(I.errors):I.mfaRequired&&I.mfaToken?(c(I.mfaToken),null):($n(I.token??null),e.onDone(),null)})},w=A=>{A.preventDefault(),y(async()=>{const{verifyMfa:I}=await he(Ru,{mfaToken:s,code:f.trim()});return I.errors.length?ye(I.errors):($n(I.token??null),e.onDone(),null)})};return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Sign in to Meterwise"}),o(Ee,{error:u,notice:e.notice}),s===null?o("form",{onSubmit:b,"aria-label":"Sign in",children:[o(be,{label:"Email",name:"email",type:"email",value:t,onInput:r,autocomplete:"username",required:!0}),o(be,{label:"Password",name:"password",type:"password",value:n,onInput:i,autocomplete:"current-password",required:!0}),o("button",{type:"submit",disabled:m,children:m?"Signing in…":"Sign in"}),o("p",{children:o("a",{href:"#/signup",children:"Have an invite? Create an account"})})]}):o("form",{onSubmit:w,"aria-label":"Two-factor code",children:[d?o(be,{label:"Recovery code",name:"code",value:f,onInput:g,required:!0,hint:"One of the codes you saved when you set up two-factor authentication."}):o(be,{label:"Authentication code",name:"code",value:f,onInput:g,required:!0,inputMode:"numeric",autocomplete:"one-time-code",hint:"The 6-digit code from your authenticator app."}),o("button",{type:"submit",disabled:m,children:m?"Checking…":"Verify"}),o("button",{type:"button",class:"link",onClick:()=>{v(!d),g("")},children:d?"Use my authenticator app":"Use a recovery code instead"})]})]})}function Lu(e){const[t,r]=O(e.invite),[n,i]=O(""),[s,c]=O(""),[f,g]=O(""),[d,v]=O({}),{busy:m,error:u,run:y}=et();return o("main",{class:"auth",id:"main",children:[o("h1",{children:"Create your Meterwise account"}),o(Ee,{error:u}),o("form",{onSubmit:w=>{w.preventDefault(),y(async()=>{const{signUp:A}=await he(xu,{inviteCode:t.trim(),email:n,password:s,accountName:f||null});return v(Object.fromEntries(A.errors.filter(I=>I.field).map(I=>[I.field,I.message]))),A.errors.length?ye(A.errors):($n(A.token??null),e.onDone(),null)})},"aria-label":"Sign up",children:[o(be,{label:"Invite code",name:"inviteCode",value:t,onInput:r,required:!0,error:d.inviteCode}),o(be,{label:"Email",name:"email",type:"email",value:n,onInput:i,autocomplete:"username",required:!0,error:d.email}),o(be,{label:"Password",name:"password",type:"password",value:s,onInput:c,autocomplete:"new-password",required:!0,hint:"At least 12 characters; a passphrase works well.",error:d.password}),o(be,{label:"Account name (optional)",name:"accountName",value:f,onInput:g,error:d.accountName}),o("button",{type:"submit",disabled:m,children:m?"Creating…":"Create account"}),o("p",{children:o("a",{href:"#/signin",children:"Already have an account? Sign in"})})]})]})}function Ou(e){const[t,r]=O(null),[n,i]=O(""),[s,c]=O(null),{busy:f,error:g,run:d}=et();ht(()=>{d(async()=>{const{startTotpEnrollment:m}=await he(Nu,{});if(m.errors.length)return ye(m.errors);const u=m.qrSvg?`data:image/svg+xml;base64,${btoa(m.qrSvg)}`:null;return r({secret:m.secret??"",qr:u}),null})},[]);const v=m=>{m.preventDefault(),d(async()=>{const{confirmTotpEnrollment:u}=await he(Mu,{code:n.trim()});return u.errors.length?ye(u.errors):(c(u.recoveryCodes??[]),null)})};return s?o("main",{class:"auth",id:"main",children:[o("h1",{children:"Save your recovery codes"}),o("p",{children:"Each code signs you in once if you lose your authenticator. They are shown only now."}),o("ul",{class:"codes","aria-label":"Recovery codes",children:s.map(m=>o("li",{children:o("code",{children:m})},m))}),o("button",{type:"button",onClick:()=>Tu("meterwise-recovery-codes.txt",`Meterwise recovery codes for ${e.email}

${s.join(`
`)}
`),children:"Download codes"}),o("button",{type:"button",class:"secondary",onClick:e.onDone,children:"I saved them, continue"})]}):o("main",{class:"auth",id:"main",children:[o("h1",{children:"Set up two-factor authentication"}),o("p",{children:"Your account requires a second factor. Scan the code with an authenticator app (any RFC 6238 app), then enter the 6-digit code it shows."}),o(Ee,{error:g}),t===null?o("p",{role:"status",children:"Preparing…"}):o(ft,{children:[t.qr&&o("img",{class:"qr",src:t.qr,width:200,height:200,alt:"QR code with your two-factor secret"}),o("p",{children:["Or type this secret: ",o("code",{"data-testid":"totp-secret",children:t.secret})]}),o("form",{onSubmit:v,"aria-label":"Confirm two-factor code",children:[o(be,{label:"Authentication code",name:"code",value:n,onInput:i,required:!0,inputMode:"numeric",autocomplete:"one-time-code"}),o("button",{type:"submit",disabled:f,children:f?"Checking…":"Turn on two-factor"})]})]})]})}function Uu(e){const[t,r]=O(""),{busy:n,error:i,run:s}=et();return ht(()=>{var c;(c=document.getElementById("f-stepup"))==null||c.focus()},[]),o("div",{class:"dialog-backdrop",children:o("div",{class:"dialog",role:"dialog","aria-modal":"true","aria-labelledby":"stepup-title",onKeyDown:c=>c.key==="Escape"&&e.onClose(!1),children:[o("h2",{id:"stepup-title",children:"Confirm it's you"}),o("p",{children:"This action needs a fresh code from your authenticator app (or a recovery code)."}),o(Ee,{error:i}),o("form",{onSubmit:c=>{c.preventDefault(),s(async()=>{const f=await e.submit(t.trim());return f||e.onClose(!0),f})},children:[o(be,{label:"Code",name:"stepup",value:t,onInput:r,required:!0,inputMode:"numeric",autocomplete:"one-time-code"}),o("div",{class:"row",children:[o("button",{type:"submit",disabled:n,children:"Confirm"}),o("button",{type:"button",class:"secondary",onClick:()=>e.onClose(!1),children:"Cancel"})]})]})]})})}function dt(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function kn(e){return dt(e)==="object"}function qu(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function Sl(e,t){return e.length<124?e:t}const Bu="graphql-transport-ws";var _t;(function(e){e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests"})(_t||(_t={}));var Pe;(function(e){e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete"})(Pe||(Pe={}));function Ms(e){if(!kn(e))throw new Error(`Message is expected to be an object, but got ${dt(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${dt(e.type)}`);switch(e.type){case Pe.ConnectionInit:case Pe.ConnectionAck:case Pe.Ping:case Pe.Pong:{if(e.payload!=null&&!kn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case Pe.Subscribe:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!kn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${dt(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${dt(e.payload.query)}`);if(e.payload.variables!=null&&!kn(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${dt(e.payload.variables)}`);if(e.payload.operationName!=null&&dt(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${dt(e.payload.operationName)}`);if(e.payload.extensions!=null&&!kn(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${dt(e.payload.extensions)}`);break}case Pe.Next:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!kn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${dt(e.payload)}`);break}case Pe.Error:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!qu(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case Pe.Complete:{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${dt(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function Fu(e,t){return Ms(typeof e=="string"?JSON.parse(e,t):e)}function vr(e,t){return Ms(e),JSON.stringify(e,t)}var nr=function(e){return this instanceof nr?(this.v=e,this):new nr(e)},Hu=function(e,t,r){if(!Symbol.asyncIterator)throw new TypeError("Symbol.asyncIterator is not defined.");var n=r.apply(e,t||[]),i,s=[];return i=Object.create((typeof AsyncIterator=="function"?AsyncIterator:Object).prototype),f("next"),f("throw"),f("return",c),i[Symbol.asyncIterator]=function(){return this},i;function c(y){return function(b){return Promise.resolve(b).then(y,m)}}function f(y,b){n[y]&&(i[y]=function(w){return new Promise(function(A,I){s.push([y,w,A,I])>1||g(y,w)})},b&&(i[y]=b(i[y])))}function g(y,b){try{d(n[y](b))}catch(w){u(s[0][3],w)}}function d(y){y.value instanceof nr?Promise.resolve(y.value.v).then(v,m):u(s[0][2],y)}function v(y){g("next",y)}function m(y){g("throw",y)}function u(y,b){y(b),s.shift(),s.length&&g(s[0][0],s[0][1])}};function Vu(e){const{url:t,connectionParams:r,lazy:n=!0,onNonLazyError:i=console.error,lazyCloseTimeout:s=0,keepAlive:c=0,disablePong:f,connectionAckWaitTimeout:g=0,retryAttempts:d=5,retryWait:v=async function(K){let R=1e3;for(let re=0;re<K;re++)R*=2;await new Promise(re=>setTimeout(re,R+Math.floor(Math.random()*2700+300)))},shouldRetry:m=Ho,isFatalConnectionProblem:u,on:y,webSocketImpl:b,generateID:w=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,K=>{const R=Math.random()*16|0;return(K=="x"?R:R&3|8).toString(16)})},jsonMessageReplacer:A,jsonMessageReviver:I}=e;let k;if(b){if(!zu(b))throw new Error("Invalid WebSocket implementation provided");k=b}else typeof WebSocket<"u"?k=WebSocket:typeof global<"u"?k=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(k=window.WebSocket||window.MozWebSocket);if(!k)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const E=k,C=(()=>{const D=(()=>{const R={};return{on(re,ee){return R[re]=ee,()=>{delete R[re]}},emit(re){var ee;"id"in re&&((ee=R[re.id])===null||ee===void 0||ee.call(R,re))}}})(),K={connecting:y!=null&&y.connecting?[y.connecting]:[],opened:y!=null&&y.opened?[y.opened]:[],connected:y!=null&&y.connected?[y.connected]:[],ping:y!=null&&y.ping?[y.ping]:[],pong:y!=null&&y.pong?[y.pong]:[],message:y!=null&&y.message?[D.emit,y.message]:[D.emit],closed:y!=null&&y.closed?[y.closed]:[],error:y!=null&&y.error?[y.error]:[]};return{onMessage:D.on,on(R,re){const ee=K[R];return ee.push(re),()=>{ee.splice(ee.indexOf(re),1)}},emit(R,...re){for(const ee of[...K[R]])ee(...re)}}})();function z(D){const K=[C.on("error",R=>{K.forEach(re=>re()),D(R)}),C.on("closed",R=>{K.forEach(re=>re()),D(R)})]}let x,Q=0,V,G=!1,H=0,N=!1;async function P(){clearTimeout(V);const[D,K]=await(x??(x=new Promise((ee,oe)=>(async()=>{if(G){if(await v(H),!Q)return x=void 0,oe({code:1e3,reason:"All Subscriptions Gone"});H++}C.emit("connecting",G);const Y=new E(typeof t=="function"?await t():t,Bu);let ie,W;function Te(){isFinite(c)&&c>0&&(clearTimeout(W),W=setTimeout(()=>{Y.readyState===E.OPEN&&(Y.send(vr({type:Pe.Ping})),C.emit("ping",!1,void 0))},c))}z(se=>{x=void 0,clearTimeout(ie),clearTimeout(W),oe(se),se instanceof kl&&(Y.close(4499,"Terminated"),Y.onerror=null,Y.onclose=null)}),Y.onerror=se=>C.emit("error",se),Y.onclose=se=>C.emit("closed",se),Y.onopen=async()=>{try{C.emit("opened",Y);const se=typeof r=="function"?await r():r;if(Y.readyState!==E.OPEN)return;Y.send(vr(se?{type:Pe.ConnectionInit,payload:se}:{type:Pe.ConnectionInit},A)),isFinite(g)&&g>0&&(ie=setTimeout(()=>{Y.close(_t.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},g)),Te()}catch(se){C.emit("error",se),Y.close(_t.InternalClientError,Sl(se instanceof Error?se.message:new Error(se).message,"Internal client error"))}};let xe=!1;Y.onmessage=({data:se})=>{try{const te=Fu(se,I);if(C.emit("message",te),te.type==="ping"||te.type==="pong"){C.emit(te.type,!0,te.payload),te.type==="pong"?Te():f||(Y.send(vr(te.payload?{type:Pe.Pong,payload:te.payload}:{type:Pe.Pong})),C.emit("pong",!1,te.payload));return}if(xe)return;if(te.type!==Pe.ConnectionAck)throw new Error(`First message cannot be of type ${te.type}`);clearTimeout(ie),xe=!0,C.emit("connected",Y,te.payload,G),G=!1,H=0,ee([Y,new Promise((St,rt)=>z(rt))])}catch(te){Y.onmessage=null,C.emit("error",te),Y.close(_t.BadResponse,Sl(te instanceof Error?te.message:new Error(te).message,"Bad response"))}}})())));D.readyState===E.CLOSING&&await K;let R=()=>{};const re=new Promise(ee=>R=ee);return[D,R,Promise.race([re.then(()=>{if(!Q){const ee=()=>D.close(1e3,"Normal Closure");isFinite(s)&&s>0?V=setTimeout(()=>{D.readyState===E.OPEN&&ee()},s):ee()}}),K])]}function L(D){if(Ho(D)&&(Wu(D.code)||[_t.InternalServerError,_t.InternalClientError,_t.BadRequest,_t.BadResponse,_t.Unauthorized,_t.SubprotocolNotAcceptable,_t.SubscriberAlreadyExists,_t.TooManyInitialisationRequests].includes(D.code)))throw D;if(N)return!1;if(Ho(D)&&D.code===1e3)return Q>0;if(!d||H>=d||!m(D)||u!=null&&u(D))throw D;return G=!0}n||(async()=>{for(Q++;;)try{const[,,D]=await P();await D}catch(D){try{if(!L(D))return}catch(K){return i==null?void 0:i(K)}}})();function j(D,K){const R=w(D);let re=!1,ee=!1,oe=()=>{Q--,re=!0};return(async()=>{for(Q++;;)try{const[Y,ie,W]=await P();if(re)return ie();const Te=C.onMessage(R,xe=>{switch(xe.type){case Pe.Next:{K.next(xe.payload);return}case Pe.Error:{ee=!0,re=!0,K.error(xe.payload),oe();return}case Pe.Complete:{re=!0,oe();return}}});Y.send(vr({id:R,type:Pe.Subscribe,payload:D},A)),oe=()=>{!re&&Y.readyState===E.OPEN&&Y.send(vr({id:R,type:Pe.Complete},A)),Q--,re=!0,ie()},await W.finally(Te);return}catch(Y){if(!L(Y))return}})().then(()=>{ee||K.complete()}).catch(Y=>{K.error(Y)}),()=>{re||oe()}}return{on:C.on,subscribe:j,iterate(D){const K=[],R={done:!1,error:null,resolve:()=>{}},re=j(D,{next(oe){K.push(oe),R.resolve()},error(oe){R.done=!0,R.error=oe,R.resolve()},complete(){R.done=!0,R.resolve()}}),ee=function(){return Hu(this,arguments,function*(){for(;;){for(K.length||(yield nr(new Promise(ie=>R.resolve=ie)));K.length;)yield yield nr(K.shift());if(R.error)throw R.error;if(R.done)return yield nr(void 0)}})}();return ee.throw=async oe=>(R.done||(R.done=!0,R.error=oe,R.resolve()),{done:!0,value:void 0}),ee.return=async()=>(re(),{done:!0,value:void 0}),ee},async dispose(){if(N=!0,x){const[D]=await x;D.close(1e3,"Normal Closure")}},terminate(){x&&C.emit("closed",new kl)}}}class kl extends Error{constructor(){super(...arguments),this.name="TerminatedCloseEvent",this.message="4499: Terminated",this.code=4499,this.reason="Terminated",this.wasClean=!1}}function Ho(e){return kn(e)&&"code"in e&&"reason"in e}function Wu(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function zu(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let Sn=null,Al=null;function Ku(){const e=Au();if(e!==Al&&(Sn==null||Sn.dispose(),Sn=null,Al=e),!Sn){const t=new URL(Rs,location.href);t.protocol=t.protocol==="https:"?"wss:":"ws:",Sn=Vu({url:t.toString(),connectionParams:e?{authorization:`Bearer ${e}`}:{},retryAttempts:5})}return Sn}function ni(e,t){let r=null;const n=()=>{r==null||r();const s=Ku();r=s?s.subscribe({query:e.toString()},{next:c=>c.data&&t(c.data),error:()=>{},complete:()=>{}}):null};if(n(),!r)return null;const i=Iu(n);return()=>{i(),r==null||r()}}const Gu=X(`
  query Viewer {
    me { id email mfaEnabled }
  }
`),ju=X(`
  query AccountInfo {
    account { id name role mfaRequired }
  }
`);async function Yu(){const{me:e}=await he(Gu,{});if(!e)return{me:null,account:null,needsMfa:!1};try{const{account:t}=await he(ju,{});return{me:e,account:t,needsMfa:!1}}catch(t){if(t.code==="MFA_REQUIRED")return{me:e,account:null,needsMfa:!0};throw t}}function qt(e){return(e==null?void 0:e.role)==="OWNER"||(e==null?void 0:e.role)==="ADMIN"}function Ju(e){return qt(e)||(e==null?void 0:e.role)==="MEMBER"}const Qu=X(`
  query Budgets {
    budgets {
      id name amount currency period periodStart periodEnd spent remaining percentUsed estimated
      thresholds forecastAlert forecast { amount low high breachAt }
    }
  }
`),Zu=X(`
  mutation CreateBudget($input: BudgetInput!) { createBudget(input: $input) { budget { id } errors { code message field } } }
`),Xu=X(`
  mutation UpdateBudget($id: ID!, $input: BudgetInput!) { updateBudget(id: $id, input: $input) { budget { id } errors { code message field } } }
`),ed=X(`
  mutation DeleteBudget($id: ID!) { deleteBudget(id: $id) { deletedId errors { code message } } }
`),td=X(`
  query Alerts($after: String) {
    alerts(first: 20, after: $after) {
      nodes { id kind severity title message budgetId createdAt acknowledgedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`),nd=X(`
  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { alert { id acknowledgedAt } errors { code message } } }
`),rd=X(`
  subscription AlertRaised { alertRaised { id kind severity title message budgetId createdAt acknowledgedAt } }
`),od=X("query Channels { notificationChannels { id kind name targetHint alertKinds createdAt } }"),id=X(`
  mutation CreateChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) { channel { id } secret errors { code message field } }
  }
`),ld=X(`
  mutation TestChannel($id: ID!) { testNotificationChannel(id: $id) { delivery { status lastError } errors { code message } } }
`),sd=X(`
  mutation DeleteChannel($id: ID!) { deleteNotificationChannel(id: $id) { deletedId errors { code message } } }
`),ad=[["DAY","Day"],["WEEK","Week"],["MONTH","Month"],["QUARTER","Quarter"]],cd=[["WEBHOOK","Webhook"],["SLACK","Slack"],["EMAIL","E-mail"]];function ud(e){const{b:t}=e,r=Number(t.amount),n=t.forecast;return o("div",{class:"bars",children:[o("label",{for:`spent-${t.id}`,children:["Spent ",Rt(t.spent,t.currency)," of ",Rt(t.amount,t.currency)," ","(",o("span",{"data-testid":"budget-percent",children:[Math.round(t.percentUsed),"%"]}),")",t.estimated?", partly estimated":""]}),o("meter",{id:`spent-${t.id}`,min:0,max:r,low:r*.8,high:r,optimum:0,value:Math.min(Number(t.spent),r)}),n&&o(ft,{children:[o("label",{for:`forecast-${t.id}`,children:["Forecast at period end ",Rt(n.amount,t.currency)," ","(90%: ",Rt(n.low,t.currency),"–",Rt(n.high,t.currency),")",n.breachAt?o(ft,{children:["; reaches the budget ",Oe(n.breachAt)]}):""]}),o("meter",{id:`forecast-${t.id}`,min:0,max:r,low:r*.8,high:r,optimum:0,value:Math.min(Number(n.amount),r)})]})]})}function Ps(e){const t=e.budget,[r,n]=O((t==null?void 0:t.name)??""),[i,s]=O(t?String(Number(t.amount)):""),[c,f]=O((t==null?void 0:t.period)??"MONTH"),[g,d]=O(((t==null?void 0:t.thresholds)??[50,80,100]).join(", ")),[v,m]=O((t==null?void 0:t.forecastAlert)??!0),{busy:u,error:y,run:b}=et(),w=(t==null?void 0:t.id)??"new";return o("form",{"aria-label":t?`Edit ${t.name}`:"New budget",onSubmit:A=>{A.preventDefault(),b(async()=>{const I=g.split(/[\s,]+/).filter(Boolean).map(Number);if(I.some(C=>!Number.isInteger(C)))return"Thresholds are whole percentages, e.g. 50, 80, 100.";const k={name:r,amount:i,period:c,thresholds:I,forecastAlert:v},E=t?(await We(Xu,{id:t.id,input:k},C=>C.updateBudget.errors)).updateBudget.errors:(await We(Zu,{input:k},C=>C.createBudget.errors)).createBudget.errors;return E.length?ye(E):(t||(n(""),s("")),e.onDone(),null)})},children:[o(Ee,{error:y}),o(be,{label:"Name",name:`budget-name-${w}`,value:r,onInput:n,required:!0}),o(be,{label:"Amount (USD)",name:`budget-amount-${w}`,type:"number",value:i,onInput:s,required:!0}),o(Yt,{label:"Period",name:`budget-period-${w}`,value:c,options:ad,onChange:f}),o(be,{label:"Alert at (% of the amount)",name:`budget-thresholds-${w}`,value:g,onInput:d,hint:"Comma-separated, e.g. 50, 80, 100."}),o("div",{class:"field check",children:[o("input",{id:`f-budget-forecast-${w}`,type:"checkbox",checked:v,onChange:A=>m(A.target.checked)}),o("label",{for:`f-budget-forecast-${w}`,children:"Alert when the forecast exceeds the amount"})]}),o("div",{class:"row",children:[o("button",{type:"submit",disabled:u,children:t?"Save budget":"Create budget"}),e.onCancel&&o("button",{type:"button",class:"secondary",onClick:e.onCancel,children:"Cancel"})]})]})}function dd(e){const{b:t}=e,[r,n]=O(!1),{busy:i,error:s,run:c}=et();return o("li",{class:"card","aria-label":t.name,children:[o("h2",{children:[t.name," ",o("span",{class:"muted",children:["per ",t.period.toLowerCase()," · ",Oe(t.periodStart)," to ",Oe(t.periodEnd)]})]}),o(ud,{b:t}),o("p",{class:"hint",children:["Alerts at ",t.thresholds.map(f=>`${f}%`).join(", ")||"no threshold",t.forecastAlert?" and when the forecast exceeds it":"","."]}),o(Ee,{error:s}),e.admin&&(r?o(Ps,{budget:t,onDone:()=>{n(!1),e.reload()},onCancel:()=>n(!1)}):o("div",{class:"row",children:[o("button",{type:"button",class:"secondary",onClick:()=>n(!0),children:"Edit"}),o("button",{type:"button",class:"danger",disabled:i,onClick:()=>void c(async()=>{if(!confirm(`Delete the budget ${t.name}? Its alerts stay.`))return null;const f=await We(ed,{id:t.id},g=>g.deleteBudget.errors);return f.deleteBudget.errors.length?ye(f.deleteBudget.errors):(e.reload(),null)}),children:"Delete"})]}))]})}function fd(e){const t=Dn(()=>he(Qu,{}).then(n=>n.budgets)),r=qt(e.account);return o(Bt,{title:"Budgets",children:[o(Ee,{error:t.error}),t.items===null?o("p",{role:"status",children:"Loading…"}):t.items.length===0?o("p",{class:"empty",children:["No budgets yet.",r?" Create one below; alerts fire as spend crosses its thresholds.":" Ask an admin to set one."]}):o("ul",{class:"cards",children:t.items.map(n=>o(dd,{b:n,admin:r,reload:()=>void t.reload()},n.id))}),r&&o("section",{class:"card","aria-labelledby":"new-budget",children:[o("h2",{id:"new-budget",children:"New budget"}),o(Ps,{onDone:()=>void t.reload()})]})]})}function hd(){const e=Dn(()=>he(od,{}).then(b=>b.notificationChannels)),[t,r]=O("WEBHOOK"),[n,i]=O(""),[s,c]=O(""),[f,g]=O(null),[d,v]=O(null),{busy:m,error:u,run:y}=et();return o("section",{class:"card","aria-labelledby":"channels-title",children:[o("h2",{id:"channels-title",children:"Notification channels"}),o(Ee,{error:e.error??u,notice:d}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No channels yet: alerts show here only."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Where alerts are sent"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Target"}),o("th",{scope:"col",children:"Alerts"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(b=>o("tr",{children:[o("td",{children:b.name}),o("td",{children:b.kind.toLowerCase()}),o("td",{children:b.targetHint}),o("td",{children:b.alertKinds.length?b.alertKinds.map(w=>w.toLowerCase().replace(/_/g," ")).join(", "):"all"}),o("td",{class:"row",children:[o("button",{type:"button",class:"secondary small",disabled:m,onClick:()=>void y(async()=>{const w=await We(ld,{id:b.id},I=>I.testNotificationChannel.errors);if(w.testNotificationChannel.errors.length)return ye(w.testNotificationChannel.errors);const A=w.testNotificationChannel.delivery;return v(`Test to ${b.name}: ${(A==null?void 0:A.status)??"queued"}${A!=null&&A.lastError?` (${A.lastError})`:""}.`),null}),children:"Send test"}),o("button",{type:"button",class:"danger small",disabled:m,onClick:()=>void y(async()=>{if(!confirm(`Remove the channel ${b.name}?`))return null;const w=await We(sd,{id:b.id},A=>A.deleteNotificationChannel.errors);return await e.reload(),ye(w.deleteNotificationChannel.errors)}),children:"Remove"})]})]},b.id))})]})}),o("form",{"aria-label":"Add a channel",onSubmit:b=>{b.preventDefault(),y(async()=>{const w=await We(id,{input:{kind:t,name:n,target:s}},A=>A.createNotificationChannel.errors);return w.createNotificationChannel.errors.length?ye(w.createNotificationChannel.errors):(g(w.createNotificationChannel.secret??null),i(""),c(""),v(null),await e.reload(),null)})},children:[o(Yt,{label:"Kind",name:"channelKind",value:t,options:cd,onChange:r}),o(be,{label:"Channel name",name:"channelName",value:n,onInput:i,required:!0}),o(be,{label:t==="EMAIL"?"E-mail address":"URL",name:"channelTarget",value:s,onInput:c,required:!0,hint:"Write-only: only its host (or e-mail domain) is shown afterwards."}),o("button",{type:"submit",disabled:m,children:"Add channel"})]}),f&&o("p",{role:"status",children:["Signing secret (shown once; verify webhooks with it): ",o("code",{"data-testid":"channel-secret",children:f})]})]})}function md(e){const[t,r]=O(null),[n,i]=O(null),[s,c]=O(null),{busy:f,error:g,run:d}=et(),v=async m=>{try{const{alerts:u}=await he(td,{after:m});r(y=>m&&y?[...y,...u.nodes]:u.nodes),i(u.pageInfo.hasNextPage?u.pageInfo.endCursor??null:null),c(null)}catch(u){c(xn(u))}};return ht(()=>{v(null);const m=ni(rd,y=>r(b=>b!=null&&b.some(w=>w.id===y.alertRaised.id)?b:[y.alertRaised,...b??[]]));if(m)return m;const u=setInterval(()=>void v(null),6e4);return()=>clearInterval(u)},[]),o(Bt,{title:"Alerts",children:[o(Ee,{error:s??g}),t===null?o("p",{role:"status",children:"Loading…"}):t.length===0?o("p",{class:"empty",children:"No alerts yet. Budgets, anomalies and failing syncs raise them here."}):o("ul",{class:"cards","aria-label":"Alerts",children:t.map(m=>o("li",{class:`card alert ${m.acknowledgedAt?"seen":""}`,"aria-label":m.title,children:[o("h2",{children:[m.title," ",o("span",{class:"muted",children:[m.kind.toLowerCase().replace(/_/g," ")," · ",m.severity," · ",Oe(m.createdAt)]})]}),o("p",{children:m.message}),m.budgetId&&o("p",{children:o("a",{href:"#/budgets",children:"See the budget"})}),m.acknowledgedAt?o("p",{class:"hint",children:["Acknowledged ",Oe(m.acknowledgedAt)]}):o("button",{type:"button",class:"secondary small",disabled:f,onClick:()=>void d(async()=>{var b;const u=await We(nd,{id:m.id},w=>w.acknowledgeAlert.errors);if(u.acknowledgeAlert.errors.length)return ye(u.acknowledgeAlert.errors);const y=((b=u.acknowledgeAlert.alert)==null?void 0:b.acknowledgedAt)??new Date().toISOString();return r(w=>(w==null?void 0:w.map(A=>A.id===m.id?{...A,acknowledgedAt:y}:A))??w),null}),children:"Acknowledge"})]},m.id))}),n&&o("button",{type:"button",class:"secondary",onClick:()=>void v(n),children:"Load older alerts"}),qt(e.account)&&o(hd,{})]})}const pd=X(`
  query Connections { connections { id provider label keyHint status lastSyncedAt lastError } }
`),gd=X(`
  mutation Connect($input: ConnectProviderInput!) {
    connectProvider(input: $input) { connection { id } errors { code message field } }
  }
`),yd=X(`
  mutation ReplaceKey($id: ID!, $apiKey: String!) {
    replaceProviderKey(id: $id, apiKey: $apiKey) { connection { id } errors { code message field } }
  }
`),_d=X(`
  mutation RemoveConnection($id: ID!) { removeConnection(id: $id) { deletedId errors { code message } } }
`),vd=X(`
  mutation SyncNow($id: ID!) { syncConnection(id: $id) { alreadyActive run { status } errors { code message } } }
`),tr={OPENAI:{name:"OpenAI",steps:"In platform.openai.com → Settings → Organization → Admin keys, create an Admin key (it starts with sk-admin-). Meterwise only reads the usage and costs endpoints."},ANTHROPIC:{name:"Anthropic",steps:"In console.anthropic.com → Settings → Admin keys, create an Admin key (it starts with sk-ant-admin). Only organisation admins can create one; Meterwise only reads usage and cost reports."},OPENROUTER:{name:"OpenRouter",steps:"In openrouter.ai → Settings → Management keys, create a management key. Meterwise only reads credits and activity."}};function wd(e){const{c:t}=e,[r,n]=O(!1),[i,s]=O(""),{busy:c,error:f,run:g}=et(),[d,v]=O(null),m=t.lastError?"error":t.lastSyncedAt?"ok":"pending";return o("li",{class:"card","aria-label":`${t.label} (${tr[t.provider].name})`,children:[o("h2",{children:[t.label," ",o("span",{class:"muted",children:[tr[t.provider].name," · key …",t.keyHint]})]}),o("p",{children:[o("span",{class:`status ${m}`,children:t.status})," · last sync ",Oe(t.lastSyncedAt)]}),t.lastError&&o("p",{class:"field-error",children:["Last error: ",t.lastError]}),m==="pending"&&o("div",{class:"progress",role:"status",children:[o("label",{for:`sync-${t.id}`,children:"First sync running: backfilling the last 30 days…"}),o("progress",{id:`sync-${t.id}`})]}),o(Ee,{error:f,notice:d}),o("div",{class:"row",children:[Ju(e.account)&&o("button",{type:"button",disabled:c,onClick:()=>void g(async()=>{const{syncConnection:u}=await he(vd,{id:t.id});return u.errors.length?ye(u.errors):(v(u.alreadyActive?"A sync is already running.":"Sync queued."),e.reload(),null)}),children:"Sync now"}),qt(e.account)&&o(ft,{children:[o("button",{type:"button",class:"secondary","aria-expanded":r,onClick:()=>n(!r),children:"Replace key"}),o("button",{type:"button",class:"danger",disabled:c,onClick:()=>void g(async()=>{if(!confirm(`Remove ${t.label}? Its synced usage is deleted too.`))return null;const{removeConnection:u}=await We(_d,{id:t.id},y=>y.removeConnection.errors);return u.errors.length?ye(u.errors):(e.reload(),null)}),children:"Remove"})]})]}),r&&o("form",{onSubmit:u=>{u.preventDefault(),g(async()=>{const y=await We(yd,{id:t.id,apiKey:i},b=>b.replaceProviderKey.errors);return y.replaceProviderKey.errors.length?ye(y.replaceProviderKey.errors):(s(""),n(!1),v("Key replaced."),e.reload(),null)})},children:[o(be,{label:"New key",name:`key-${t.id}`,type:"password",value:i,onInput:s,required:!0}),o("button",{type:"submit",disabled:c,children:"Save key"})]})]})}function bd(e){const[t,r]=O(null),[n,i]=O(null),[s,c]=O("OPENAI"),[f,g]=O(""),[d,v]=O(""),{busy:m,error:u,run:y}=et(),[b,w]=O(null),A=()=>he(pd,{}).then(k=>r(k.connections),k=>i(xn(k)));ht(()=>{A()},[]);const I=(t==null?void 0:t.some(k=>!k.lastSyncedAt&&!k.lastError))??!1;return ht(()=>{if(!I)return;const k=setInterval(()=>void A(),5e3);return()=>clearInterval(k)},[I]),o(Bt,{title:"Connections",children:[o(Ee,{error:n}),t===null?o("p",{role:"status",children:"Loading…"}):t.length===0?o("p",{class:"empty",children:["No provider connected yet.",qt(e.account)?" Add one below.":" Ask an admin to add one."]}):o("ul",{class:"cards",children:t.map(k=>o(wd,{c:k,account:e.account,reload:A},k.id))}),qt(e.account)&&o("section",{"aria-labelledby":"add-connection",class:"card",children:[o("h2",{id:"add-connection",children:"Add a connection"}),o(Ee,{error:u,notice:b}),o("form",{onSubmit:k=>{k.preventDefault(),y(async()=>{const E=await We(gd,{input:{provider:s,label:f||tr[s].name,apiKey:d}},C=>C.connectProvider.errors);return E.connectProvider.errors.length?ye(E.connectProvider.errors):(v(""),g(""),w("Connected. The first sync is backfilling the last 30 days; the dashboard fills in as it lands."),await A(),null)})},children:[o(Yt,{label:"Provider",name:"provider",value:s,options:Object.keys(tr).map(k=>[k,tr[k].name]),onChange:c}),o("p",{class:"hint",id:"provider-help",children:tr[s].steps}),o(be,{label:"Label",name:"label",value:f,onInput:g,hint:"e.g. Production org"}),o(be,{label:"Admin / usage key",name:"apiKey",type:"password",value:d,onInput:v,required:!0,hint:"Checked with the provider, then sealed at once; it is never shown again."}),o("button",{type:"submit",disabled:m,children:m?"Checking key…":"Connect"})]})]})]})}const Sd=!0,ze="u-",kd="uplot",Ad=ze+"hz",Id=ze+"vt",Cd=ze+"title",$d=ze+"wrap",Ed=ze+"under",Td=ze+"over",Dd=ze+"axis",Cn=ze+"off",Rd=ze+"select",xd=ze+"cursor-x",Nd=ze+"cursor-y",Md=ze+"cursor-pt",Pd=ze+"legend",Ld=ze+"live",Od=ze+"inline",Ud=ze+"series",qd=ze+"marker",Il=ze+"label",Bd=ze+"value",Sr="width",kr="height",wr="top",Cl="bottom",Xn="left",Vo="right",vi="#000",$l=vi+"0",Wo="mousemove",El="mousedown",zo="mouseup",Tl="mouseenter",Dl="mouseleave",Rl="dblclick",Fd="resize",Hd="scroll",xl="change",ro="dppxchange",wi="--",ar=typeof window<"u",ri=ar?document:null,rr=ar?window:null,Vd=ar?navigator:null;let pe,Hr;function oi(){let e=devicePixelRatio;pe!=e&&(pe=e,Hr&&li(xl,Hr,oi),Hr=matchMedia(`(min-resolution: ${pe-.001}dppx) and (max-resolution: ${pe+.001}dppx)`),En(xl,Hr,oi),rr.dispatchEvent(new CustomEvent(ro)))}function vt(e,t){if(t!=null){let r=e.classList;!r.contains(t)&&r.add(t)}}function ii(e,t){let r=e.classList;r.contains(t)&&r.remove(t)}function $e(e,t,r){e.style[t]=r+"px"}function Lt(e,t,r,n){let i=ri.createElement(e);return t!=null&&vt(i,t),r!=null&&r.insertBefore(i,n),i}function Tt(e,t){return Lt("div",e,t)}const Nl=new WeakMap;function jt(e,t,r,n,i){let s="translate("+t+"px,"+r+"px)",c=Nl.get(e);s!=c&&(e.style.transform=s,Nl.set(e,s),t<0||r<0||t>n||r>i?vt(e,Cn):ii(e,Cn))}const Ml=new WeakMap;function Pl(e,t,r){let n=t+r,i=Ml.get(e);n!=i&&(Ml.set(e,n),e.style.background=t,e.style.borderColor=r)}const Ll=new WeakMap;function Ol(e,t,r,n){let i=t+""+r,s=Ll.get(e);i!=s&&(Ll.set(e,i),e.style.height=r+"px",e.style.width=t+"px",e.style.marginLeft=n?-t/2+"px":0,e.style.marginTop=n?-r/2+"px":0)}const bi={passive:!0},Wd={...bi,capture:!0};function En(e,t,r,n){t.addEventListener(e,r,n?Wd:bi)}function li(e,t,r,n){t.removeEventListener(e,r,bi)}ar&&oi();function Ot(e,t,r,n){let i;r=r||0,n=n||t.length-1;let s=n<=2147483647;for(;n-r>1;)i=s?r+n>>1:wt((r+n)/2),t[i]<e?r=i:n=i;return e-t[r]<=t[n]-e?r:n}function Ls(e){return(r,n,i)=>{let s=-1,c=-1;for(let f=n;f<=i;f++)if(e(r[f])){s=f;break}for(let f=i;f>=n;f--)if(e(r[f])){c=f;break}return[s,c]}}const Os=e=>e!=null,Us=e=>e!=null&&e>0,ao=Ls(Os),zd=Ls(Us);function Kd(e,t,r,n=0,i=!1){let s=i?zd:ao,c=i?Us:Os;[t,r]=s(e,t,r);let f=e[t],g=e[t];if(t>-1)if(n==1)f=e[t],g=e[r];else if(n==-1)f=e[r],g=e[t];else for(let d=t;d<=r;d++){let v=e[d];c(v)&&(v<f?f=v:v>g&&(g=v))}return[f??ve,g??-ve]}function co(e,t,r,n){let i=Bl(e),s=Bl(t);e==t&&(i==-1?(e*=r,t/=r):(e/=r,t*=r));let c=r==10?en:qs,f=i==1?wt:Dt,g=s==1?Dt:wt,d=f(c(Ve(e))),v=g(c(Ve(t))),m=or(r,d),u=or(r,v);return r==10&&(d<0&&(m=we(m,-d)),v<0&&(u=we(u,-v))),n||r==2?(e=m*i,t=u*s):(e=Vs(e,m),t=uo(t,u)),[e,t]}function Si(e,t,r,n){let i=co(e,t,r,n);return e==0&&(i[0]=0),t==0&&(i[1]=0),i}const ki=.1,Ul={mode:3,pad:ki},Cr={pad:0,soft:null,mode:0},Gd={min:Cr,max:Cr};function oo(e,t,r,n){return fo(r)?ql(e,t,r):(Cr.pad=r,Cr.soft=n?0:null,Cr.mode=n?3:0,ql(e,t,Gd))}function fe(e,t){return e??t}function jd(e,t,r){for(t=fe(t,0),r=fe(r,e.length-1);t<=r;){if(e[t]!=null)return!0;t++}return!1}function ql(e,t,r){let n=r.min,i=r.max,s=fe(n.pad,0),c=fe(i.pad,0),f=fe(n.hard,-ve),g=fe(i.hard,ve),d=fe(n.soft,ve),v=fe(i.soft,-ve),m=fe(n.mode,0),u=fe(i.mode,0),y=t-e,b=en(y),w=at(Ve(e),Ve(t)),A=en(w),I=Ve(A-b);(y<1e-24||I>10)&&(y=0,(e==0||t==0)&&(y=1e-24,m==2&&d!=ve&&(s=0),u==2&&v!=-ve&&(c=0)));let k=y||w||1e3,E=en(k),C=or(10,wt(E)),z=k*(y==0?e==0?.1:1:s),x=we(Vs(e-z,C/10),24),Q=e>=d&&(m==1||m==3&&x<=d||m==2&&x>=d)?d:ve,V=at(f,x<Q&&e>=Q?Q:Ut(Q,x)),G=k*(y==0?t==0?.1:1:c),H=we(uo(t+G,C/10),24),N=t<=v&&(u==1||u==3&&H>=v||u==2&&H<=v)?v:-ve,P=Ut(g,H>N&&t<=N?N:at(N,H));return V==P&&V==0&&(P=100),[V,P]}const Yd=new Intl.NumberFormat(ar?Vd.language:"en-US"),Ai=e=>Yd.format(e),bt=Math,Zr=bt.PI,Ve=bt.abs,wt=bt.floor,He=bt.round,Dt=bt.ceil,Ut=bt.min,at=bt.max,or=bt.pow,Bl=bt.sign,en=bt.log10,qs=bt.log2,Jd=(e,t=1)=>bt.sinh(e)*t,Ko=(e,t=1)=>bt.asinh(e/t),ve=1/0;function Fl(e){return(en((e^e>>31)-(e>>31))|0)+1}function si(e,t,r){return Ut(at(e,t),r)}function Bs(e){return typeof e=="function"}function ue(e){return Bs(e)?e:()=>e}const Qd=()=>{},Fs=e=>e,Hs=(e,t)=>t,Zd=e=>null,Hl=e=>!0,Vl=(e,t)=>e==t,Xd=/\.\d*?(?=9{6,}|0{6,})/gm,Rn=e=>{if(zs(e)||dn.has(e))return e;const t=`${e}`,r=t.match(Xd);if(r==null)return e;let n=r[0].length-1;if(t.indexOf("e-")!=-1){let[i,s]=t.split("e");return+`${Rn(i)}e${s}`}return we(e,n)};function An(e,t){return Rn(we(Rn(e/t))*t)}function uo(e,t){return Rn(Dt(Rn(e/t))*t)}function Vs(e,t){return Rn(wt(Rn(e/t))*t)}function we(e,t=0){if(zs(e))return e;let r=10**t,n=e*r*(1+Number.EPSILON);return He(n)/r}const dn=new Map;function Ws(e){return((""+e).split(".")[1]||"").length}function Tr(e,t,r,n){let i=[],s=n.map(Ws);for(let c=t;c<r;c++){let f=Ve(c),g=we(or(e,c),f);for(let d=0;d<n.length;d++){let v=e==10?+`${n[d]}e${c}`:n[d]*g,m=(c>=0?0:f)+(c>=s[d]?0:s[d]),u=e==10?v:we(v,m);i.push(u),dn.set(u,m)}}return i}const $r={},Ii=[],ir=[null,null],un=Array.isArray,zs=Number.isInteger,ef=e=>e===void 0;function Wl(e){return typeof e=="string"}function fo(e){let t=!1;if(e!=null){let r=e.constructor;t=r==null||r==Object}return t}function tf(e){return e!=null&&typeof e=="object"}const nf=Object.getPrototypeOf(Uint8Array),Ks="__proto__";function lr(e,t=fo){let r;if(un(e)){let n=e.find(i=>i!=null);if(un(n)||t(n)){r=Array(e.length);for(let i=0;i<e.length;i++)r[i]=lr(e[i],t)}else r=e.slice()}else if(e instanceof nf)r=e.slice();else if(t(e)){r={};for(let n in e)n!=Ks&&(r[n]=lr(e[n],t))}else r=e;return r}function Be(e){let t=arguments;for(let r=1;r<t.length;r++){let n=t[r];for(let i in n)i!=Ks&&(fo(e[i])?Be(e[i],lr(n[i])):e[i]=lr(n[i]))}return e}const rf=0,of=1,lf=2;function sf(e,t,r){for(let n=0,i,s=-1;n<t.length;n++){let c=t[n];if(c>s){for(i=c-1;i>=0&&e[i]==null;)e[i--]=null;for(i=c+1;i<r&&e[i]==null;)e[s=i++]=null}}}function af(e,t){if(df(e)){let c=e[0].slice();for(let f=1;f<e.length;f++)c.push(...e[f].slice(1));return ff(c[0])||(c=uf(c)),c}let r=new Set;for(let c=0;c<e.length;c++){let g=e[c][0],d=g.length;for(let v=0;v<d;v++)r.add(g[v])}let n=[Array.from(r).sort((c,f)=>c-f)],i=n[0].length,s=new Map;for(let c=0;c<i;c++)s.set(n[0][c],c);for(let c=0;c<e.length;c++){let f=e[c],g=f[0];for(let d=1;d<f.length;d++){let v=f[d],m=Array(i).fill(void 0),u=t?t[c][d]:of,y=[];for(let b=0;b<v.length;b++){let w=v[b],A=s.get(g[b]);w===null?u!=rf&&(m[A]=w,u==lf&&y.push(A)):m[A]=w}sf(m,y,i),n.push(m)}}return n}const cf=typeof queueMicrotask>"u"?e=>Promise.resolve().then(e):queueMicrotask;function uf(e){let t=e[0],r=t.length,n=Array(r);for(let s=0;s<n.length;s++)n[s]=s;n.sort((s,c)=>t[s]-t[c]);let i=[];for(let s=0;s<e.length;s++){let c=e[s],f=Array(r);for(let g=0;g<r;g++)f[g]=c[n[g]];i.push(f)}return i}function df(e){let t=e[0][0],r=t.length;for(let n=1;n<e.length;n++){let i=e[n][0];if(i.length!=r)return!1;if(i!=t){for(let s=0;s<r;s++)if(i[s]!=t[s])return!1}}return!0}function ff(e,t=100){const r=e.length;if(r<=1)return!0;let n=0,i=r-1;for(;n<=i&&e[n]==null;)n++;for(;i>=n&&e[i]==null;)i--;if(i<=n)return!0;const s=at(1,wt((i-n+1)/t));for(let c=e[n],f=n+s;f<=i;f+=s){const g=e[f];if(g!=null){if(g<=c)return!1;c=g}}return!0}const Gs=["January","February","March","April","May","June","July","August","September","October","November","December"],js=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Ys(e){return e.slice(0,3)}const hf=js.map(Ys),mf=Gs.map(Ys),pf={MMMM:Gs,MMM:mf,WWWW:js,WWW:hf};function br(e){return(e<10?"0":"")+e}function gf(e){return(e<10?"00":e<100?"0":"")+e}const yf={YYYY:e=>e.getFullYear(),YY:e=>(e.getFullYear()+"").slice(2),MMMM:(e,t)=>t.MMMM[e.getMonth()],MMM:(e,t)=>t.MMM[e.getMonth()],MM:e=>br(e.getMonth()+1),M:e=>e.getMonth()+1,DD:e=>br(e.getDate()),D:e=>e.getDate(),WWWW:(e,t)=>t.WWWW[e.getDay()],WWW:(e,t)=>t.WWW[e.getDay()],HH:e=>br(e.getHours()),H:e=>e.getHours(),h:e=>{let t=e.getHours();return t==0?12:t>12?t-12:t},AA:e=>e.getHours()>=12?"PM":"AM",aa:e=>e.getHours()>=12?"pm":"am",a:e=>e.getHours()>=12?"p":"a",mm:e=>br(e.getMinutes()),m:e=>e.getMinutes(),ss:e=>br(e.getSeconds()),s:e=>e.getSeconds(),fff:e=>gf(e.getMilliseconds())};function Ci(e,t){t=t||pf;let r=[],n=/\{([a-z]+)\}|[^{]+/gi,i;for(;i=n.exec(e);)r.push(i[0][0]=="{"?yf[i[1]]:i[0]);return s=>{let c="";for(let f=0;f<r.length;f++)c+=typeof r[f]=="string"?r[f]:r[f](s,t);return c}}const _f=new Intl.DateTimeFormat().resolvedOptions().timeZone;function vf(e,t){let r;return t=="UTC"||t=="Etc/UTC"?r=new Date(+e+e.getTimezoneOffset()*6e4):t==_f?r=e:(r=new Date(e.toLocaleString("en-US",{timeZone:t})),r.setMilliseconds(e.getMilliseconds())),r}const Js=e=>e%1==0,io=[1,2,2.5,5],wf=Tr(10,-32,0,io),Qs=Tr(10,0,32,io),bf=Qs.filter(Js),In=wf.concat(Qs),$i=`
`,Zs="{YYYY}",zl=$i+Zs,Xs="{M}/{D}",Ar=$i+Xs,Vr=Ar+"/{YY}",ea="{aa}",Sf="{h}:{mm}",er=Sf+ea,Kl=$i+er,Gl=":{ss}",ge=null;function ta(e){let t=e*1e3,r=t*60,n=r*60,i=n*24,s=i*30,c=i*365,g=(e==1?Tr(10,0,3,io).filter(Js):Tr(10,-3,0,io)).concat([t,t*5,t*10,t*15,t*30,r,r*5,r*10,r*15,r*30,n,n*2,n*3,n*4,n*6,n*8,n*12,i,i*2,i*3,i*4,i*5,i*6,i*7,i*8,i*9,i*10,i*15,s,s*2,s*3,s*4,s*6,c,c*2,c*5,c*10,c*25,c*50,c*100]);const d=[[c,Zs,ge,ge,ge,ge,ge,ge,1],[i*28,"{MMM}",zl,ge,ge,ge,ge,ge,1],[i,Xs,zl,ge,ge,ge,ge,ge,1],[n,"{h}"+ea,Vr,ge,Ar,ge,ge,ge,1],[r,er,Vr,ge,Ar,ge,ge,ge,1],[t,Gl,Vr+" "+er,ge,Ar+" "+er,ge,Kl,ge,1],[e,Gl+".{fff}",Vr+" "+er,ge,Ar+" "+er,ge,Kl,ge,1]];function v(m){return(u,y,b,w,A,I)=>{let k=[],E=A>=c,C=A>=s&&A<c,z=m(b),x=we(z*e,3),Q=Go(z.getFullYear(),E?0:z.getMonth(),C||E?1:z.getDate()),V=we(Q*e,3);if(C||E){let G=C?A/s:0,H=E?A/c:0,N=x==V?x:we(Go(Q.getFullYear()+H,Q.getMonth()+G,1)*e,3),P=new Date(He(N/e)),L=P.getFullYear(),j=P.getMonth();for(let D=0;N<=w;D++){let K=Go(L+H*D,j+G*D,1),R=K-m(we(K*e,3));N=we((+K+R)*e,3),N<=w&&k.push(N)}}else{let G=A>=i?i:A,H=wt(b)-wt(x),N=V+H+uo(x-V,G);k.push(N);let P=m(N),L=P.getHours()+P.getMinutes()/r+P.getSeconds()/n,j=A/n,D=u.axes[y]._space,K=I/D;for(;N=we(N+A,e==1?0:3),!(N>w);)if(j>1){let R=wt(we(L+j,6))%24,oe=m(N).getHours()-R;oe>1&&(oe=-1),N-=oe*n,L=(L+j)%24;let Y=k[k.length-1];we((N-Y)/A,3)*K>=.7&&k.push(N)}else k.push(N)}return k}}return[g,d,v]}const[kf,Af,If]=ta(1),[Cf,$f,Ef]=ta(.001);Tr(2,-53,53,[1]);function jl(e,t){return e.map(r=>r.map((n,i)=>i==0||i==8||n==null?n:t(i==1||r[8]==0?n:r[1]+n)))}function Yl(e,t){return(r,n,i,s,c)=>{let f=t.find(b=>c>=b[0])||t[t.length-1],g,d,v,m,u,y;return n.map(b=>{let w=e(b),A=w.getFullYear(),I=w.getMonth(),k=w.getDate(),E=w.getHours(),C=w.getMinutes(),z=w.getSeconds(),x=A!=g&&f[2]||I!=d&&f[3]||k!=v&&f[4]||E!=m&&f[5]||C!=u&&f[6]||z!=y&&f[7]||f[1];return g=A,d=I,v=k,m=E,u=C,y=z,x(w)})}}function Tf(e,t){let r=Ci(t);return(n,i,s,c,f)=>i.map(g=>r(e(g)))}function Go(e,t,r){return new Date(e,t,r)}function Jl(e,t){return t(e)}const Df="{YYYY}-{MM}-{DD} {h}:{mm}{aa}";function Ql(e,t){return(r,n,i,s)=>s==null?wi:t(e(n))}function Rf(e,t){let r=e.series[t];return r.width?r.stroke(e,t):r.points.width?r.points.stroke(e,t):null}function xf(e,t){return e.series[t].fill(e,t)}const Nf={show:!0,live:!0,isolate:!1,mount:Qd,markers:{show:!0,width:2,stroke:Rf,fill:xf,dash:"solid"},idx:null,idxs:null,values:[]};function Mf(e,t){let r=e.cursor.points,n=Tt(),i=r.size(e,t);$e(n,Sr,i),$e(n,kr,i);let s=i/-2;$e(n,"marginLeft",s),$e(n,"marginTop",s);let c=r.width(e,t,i);return c&&$e(n,"borderWidth",c),n}function Pf(e,t){let r=e.series[t].points;return r._fill||r._stroke}function Lf(e,t){let r=e.series[t].points;return r._stroke||r._fill}function Of(e,t){return e.series[t].points.size}const jo=[0,0];function Uf(e,t,r){return jo[0]=t,jo[1]=r,jo}function Wr(e,t,r,n=!0){return i=>{i.button==0&&(!n||i.target==t)&&r(i)}}function Yo(e,t,r,n=!0){return i=>{(!n||i.target==t)&&r(i)}}const qf={show:!0,x:!0,y:!0,lock:!1,move:Uf,points:{one:!1,show:Mf,size:Of,width:0,stroke:Lf,fill:Pf},bind:{mousedown:Wr,mouseup:Wr,click:Wr,dblclick:Wr,mousemove:Yo,mouseleave:Yo,mouseenter:Yo},drag:{setScale:!0,x:!0,y:!1,dist:0,uni:null,click:(e,t)=>{t.stopPropagation(),t.stopImmediatePropagation()},_x:!1,_y:!1},focus:{dist:(e,t,r,n,i)=>n-i,prox:-1,bias:0},hover:{skip:[void 0],prox:null,bias:0},left:-10,top:-10,idx:null,dataIdx:null,idxs:null,event:null},na={show:!0,stroke:"rgba(0,0,0,0.07)",width:2},Ei=Be({},na,{filter:Hs}),ra=Be({},Ei,{size:10}),oa=Be({},na,{show:!1}),Ti='12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"',ia="bold "+Ti,la=1.5,Zl={show:!0,scale:"x",stroke:vi,space:50,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:ia,side:2,grid:Ei,ticks:ra,border:oa,font:Ti,lineGap:la,rotate:0},Bf="Value",Ff="Time",Xl={show:!0,scale:"x",auto:!1,sorted:1,min:ve,max:-ve,idxs:[]};function Hf(e,t,r,n,i){return t.map(s=>s==null?"":Ai(s))}function Vf(e,t,r,n,i,s,c){let f=[],g=dn.get(i)||0;r=c?r:we(uo(r,i),g);for(let d=r;d<=n;d=we(d+i,g))f.push(Object.is(d,-0)?0:d);return f}function ai(e,t,r,n,i,s,c){const f=[],g=e.scales[e.axes[t].scale].log,d=g==10?en:qs,v=wt(d(r));i=or(g,v),g==10&&(i=In[Ot(i,In)]);let m=r,u=i*g;g==10&&(u=In[Ot(u,In)]);do f.push(m),m=m+i,g==10&&!dn.has(m)&&(m=we(m,dn.get(i))),m>=u&&(i=m,u=i*g,g==10&&(u=In[Ot(u,In)]));while(m<=n);return f}function Wf(e,t,r,n,i,s,c){let g=e.scales[e.axes[t].scale].asinh,d=n>g?ai(e,t,at(g,r),n,i):[g],v=n>=0&&r<=0?[0]:[];return(r<-g?ai(e,t,at(g,-n),-r,i):[g]).reverse().map(u=>-u).concat(v,d)}const sa=/./,zf=/[12357]/,Kf=/[125]/,es=/1/,ci=(e,t,r,n)=>e.map((i,s)=>t==4&&i==0||s%n==0&&r.test(i.toExponential()[i<0?1:0])?i:null);function Gf(e,t,r,n,i){let s=e.axes[r],c=s.scale,f=e.scales[c],g=e.valToPos,d=s._space,v=g(10,c),m=g(9,c)-v>=d?sa:g(7,c)-v>=d?zf:g(5,c)-v>=d?Kf:es;if(m==es){let u=Ve(g(1,c)-v);if(u<d)return ci(t.slice().reverse(),f.distr,m,Dt(d/u)).reverse()}return ci(t,f.distr,m,1)}function jf(e,t,r,n,i){let s=e.axes[r],c=s.scale,f=s._space,g=e.valToPos,d=Ve(g(1,c)-g(2,c));return d<f?ci(t.slice().reverse(),3,sa,Dt(f/d)).reverse():t}function Yf(e,t,r,n){return n==null?wi:t==null?"":Ai(t)}const ts={show:!0,scale:"y",stroke:vi,space:30,gap:5,alignTo:1,size:50,labelGap:0,labelSize:30,labelFont:ia,side:3,grid:Ei,ticks:ra,border:oa,font:Ti,lineGap:la,rotate:0};function Jf(e,t){let r=3+(e||1)*2;return we(r*t,3)}function Qf(e,t){let{scale:r,idxs:n}=e.series[0],i=e._data[0],s=e.valToPos(i[n[0]],r,!0),c=e.valToPos(i[n[1]],r,!0),f=Ve(c-s),g=e.series[t],d=f/(g.points.space*pe);return n[1]-n[0]<=d}const ns={scale:null,auto:!0,sorted:0,min:ve,max:-ve},aa=(e,t,r,n,i)=>i,rs={show:!0,auto:!0,sorted:0,gaps:aa,alpha:1,facets:[Be({},ns,{scale:"x"}),Be({},ns,{scale:"y"})]},os={scale:"y",auto:!0,sorted:0,show:!0,spanGaps:!1,gaps:aa,alpha:1,points:{show:Qf,filter:null},values:null,min:ve,max:-ve,idxs:[],path:null,clip:null};function Zf(e,t,r,n,i){return r/10}const ca={time:Sd,auto:!0,distr:1,log:10,asinh:1,min:null,max:null,dir:1,ori:0},Xf=Be({},ca,{time:!1,ori:1}),is={};function ua(e,t){let r=is[e];return r||(r={key:e,plots:[],sub(n){r.plots.push(n)},unsub(n){r.plots=r.plots.filter(i=>i!=n)},pub(n,i,s,c,f,g,d){for(let v=0;v<r.plots.length;v++)r.plots[v]!=i&&r.plots[v].pub(n,i,s,c,f,g,d)}},e!=null&&(is[e]=r)),r}const sr=1,ui=2;function Nn(e,t,r){const n=e.mode,i=e.series[t],s=n==2?e._data[t]:e._data,c=e.scales,f=e.bbox;let g=s[0],d=n==2?s[1]:s[t],v=n==2?c[i.facets[0].scale]:c[e.series[0].scale],m=n==2?c[i.facets[1].scale]:c[i.scale],u=f.left,y=f.top,b=f.width,w=f.height,A=e.valToPosH,I=e.valToPosV;return v.ori==0?r(i,g,d,v,m,A,I,u,y,b,w,mo,cr,go,fa,ma):r(i,g,d,v,m,I,A,y,u,w,b,po,ur,xi,ha,pa)}function Di(e,t){let r=0,n=0,i=fe(e.bands,Ii);for(let s=0;s<i.length;s++){let c=i[s];c.series[0]==t?r=c.dir:c.series[1]==t&&(c.dir==1?n|=1:n|=2)}return[r,n==1?-1:n==2?1:n==3?2:0]}function eh(e,t,r,n,i){let s=e.mode,c=e.series[t],f=s==2?c.facets[1].scale:c.scale,g=e.scales[f];return i==-1?g.min:i==1?g.max:g.distr==3?g.dir==1?g.min:g.max:0}function tn(e,t,r,n,i,s){return Nn(e,t,(c,f,g,d,v,m,u,y,b,w,A)=>{let I=c.pxRound;const k=d.dir*(d.ori==0?1:-1),E=d.ori==0?cr:ur;let C,z;k==1?(C=r,z=n):(C=n,z=r);let x=I(m(f[C],d,w,y)),Q=I(u(g[C],v,A,b)),V=I(m(f[z],d,w,y)),G=I(u(s==1?v.max:v.min,v,A,b)),H=new Path2D(i);return E(H,V,G),E(H,x,G),E(H,x,Q),H})}function ho(e,t,r,n,i,s){let c=null;if(e.length>0){c=new Path2D;const f=t==0?go:xi;let g=r;for(let m=0;m<e.length;m++){let u=e[m];if(u[1]>u[0]){let y=u[0]-g;y>0&&f(c,g,n,y,n+s),g=u[1]}}let d=r+i-g,v=10;d>0&&f(c,g,n-v/2,d,n+s+v)}return c}function th(e,t,r){let n=e[e.length-1];n&&n[0]==t?n[1]=r:e.push([t,r])}function Ri(e,t,r,n,i,s,c){let f=[],g=e.length;for(let d=i==1?r:n;d>=r&&d<=n;d+=i)if(t[d]===null){let m=d,u=d;if(i==1)for(;++d<=n&&t[d]===null;)u=d;else for(;--d>=r&&t[d]===null;)u=d;let y=s(e[m]),b=u==m?y:s(e[u]),w=m-i;y=c<=0&&w>=0&&w<g?s(e[w]):y;let I=u+i;b=c>=0&&I>=0&&I<g?s(e[I]):b,b>=y&&f.push([y,b])}return f}function ls(e){return e==0?Fs:e==1?He:t=>An(t,e)}function da(e){let t=e==0?mo:po,r=e==0?(i,s,c,f,g,d)=>{i.arcTo(s,c,f,g,d)}:(i,s,c,f,g,d)=>{i.arcTo(c,s,g,f,d)},n=e==0?(i,s,c,f,g)=>{i.rect(s,c,f,g)}:(i,s,c,f,g)=>{i.rect(c,s,g,f)};return(i,s,c,f,g,d=0,v=0)=>{d==0&&v==0?n(i,s,c,f,g):(d=Ut(d,f/2,g/2),v=Ut(v,f/2,g/2),t(i,s+d,c),r(i,s+f,c,s+f,c+g,d),r(i,s+f,c+g,s,c+g,v),r(i,s,c+g,s,c,v),r(i,s,c,s+f,c,d),i.closePath())}}const mo=(e,t,r)=>{e.moveTo(t,r)},po=(e,t,r)=>{e.moveTo(r,t)},cr=(e,t,r)=>{e.lineTo(t,r)},ur=(e,t,r)=>{e.lineTo(r,t)},go=da(0),xi=da(1),fa=(e,t,r,n,i,s)=>{e.arc(t,r,n,i,s)},ha=(e,t,r,n,i,s)=>{e.arc(r,t,n,i,s)},ma=(e,t,r,n,i,s,c)=>{e.bezierCurveTo(t,r,n,i,s,c)},pa=(e,t,r,n,i,s,c)=>{e.bezierCurveTo(r,t,i,n,c,s)};function ga(e){return(t,r,n,i,s)=>Nn(t,r,(c,f,g,d,v,m,u,y,b,w,A)=>{let{pxRound:I,points:k}=c,E,C;d.ori==0?(E=mo,C=fa):(E=po,C=ha);const z=we(k.width*pe,3);let x=(k.size-k.width)/2*pe,Q=we(x*2,3),V=new Path2D,G=new Path2D,{left:H,top:N,width:P,height:L}=t.bbox;go(G,H-Q,N-Q,P+Q*2,L+Q*2);const j=D=>{if(g[D]!=null){let K=I(m(f[D],d,w,y)),R=I(u(g[D],v,A,b));E(V,K+x,R),C(V,K,R,x,0,Zr*2)}};if(s)s.forEach(j);else for(let D=n;D<=i;D++)j(D);return{stroke:z>0?V:null,fill:V,clip:G,flags:sr|ui}})}function ya(e){return(t,r,n,i,s,c)=>{n!=i&&(s!=n&&c!=n&&e(t,r,n),s!=i&&c!=i&&e(t,r,i),e(t,r,c))}}const nh=ya(cr),rh=ya(ur);function _a(e){const t=fe(e==null?void 0:e.alignGaps,0);return(r,n,i,s)=>Nn(r,n,(c,f,g,d,v,m,u,y,b,w,A)=>{[i,s]=ao(g,i,s);let I=c.pxRound,k=L=>I(m(L,d,w,y)),E=L=>I(u(L,v,A,b)),C,z;d.ori==0?(C=cr,z=nh):(C=ur,z=rh);const x=d.dir*(d.ori==0?1:-1),Q={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:sr},V=Q.stroke;let G=!1;if(s-i>=w*4){let L=W=>r.posToVal(W,d.key,!0),j=null,D=null,K,R,re,ee=k(f[x==1?i:s]),oe=k(f[i]),Y=k(f[s]),ie=L(x==1?oe+1:Y-1);for(let W=x==1?i:s;W>=i&&W<=s;W+=x){let Te=f[W],se=(x==1?Te<ie:Te>ie)?ee:k(Te),te=g[W];se==ee?te!=null?(R=te,j==null?(C(V,se,E(R)),K=j=D=R):R<j?j=R:R>D&&(D=R)):te===null&&(G=!0):(j!=null&&z(V,ee,E(j),E(D),E(K),E(R)),te!=null?(R=te,C(V,se,E(R)),j=D=K=R):(j=D=null,te===null&&(G=!0)),ee=se,ie=L(ee+x))}j!=null&&j!=D&&re!=ee&&z(V,ee,E(j),E(D),E(K),E(R))}else for(let L=x==1?i:s;L>=i&&L<=s;L+=x){let j=g[L];j===null?G=!0:j!=null&&C(V,k(f[L]),E(j))}let[N,P]=Di(r,n);if(c.fill!=null||N!=0){let L=Q.fill=new Path2D(V),j=c.fillTo(r,n,c.min,c.max,N),D=E(j),K=k(f[i]),R=k(f[s]);x==-1&&([R,K]=[K,R]),C(L,R,D),C(L,K,D)}if(!c.spanGaps){let L=[];G&&L.push(...Ri(f,g,i,s,x,k,t)),Q.gaps=L=c.gaps(r,n,i,s,L),Q.clip=ho(L,d.ori,y,b,w,A)}return P!=0&&(Q.band=P==2?[tn(r,n,i,s,V,-1),tn(r,n,i,s,V,1)]:tn(r,n,i,s,V,P)),Q})}function oh(e){const t=fe(e.align,1),r=fe(e.ascDesc,!1),n=fe(e.alignGaps,0),i=fe(e.extend,!1);return(s,c,f,g)=>Nn(s,c,(d,v,m,u,y,b,w,A,I,k,E)=>{[f,g]=ao(m,f,g);let C=d.pxRound,{left:z,width:x}=s.bbox,Q=oe=>C(b(oe,u,k,A)),V=oe=>C(w(oe,y,E,I)),G=u.ori==0?cr:ur;const H={stroke:new Path2D,fill:null,clip:null,band:null,gaps:null,flags:sr},N=H.stroke,P=u.dir*(u.ori==0?1:-1);let L=V(m[P==1?f:g]),j=Q(v[P==1?f:g]),D=j,K=j;i&&t==-1&&(K=z,G(N,K,L)),G(N,j,L);for(let oe=P==1?f:g;oe>=f&&oe<=g;oe+=P){let Y=m[oe];if(Y==null)continue;let ie=Q(v[oe]),W=V(Y);t==1?G(N,ie,L):G(N,D,W),G(N,ie,W),L=W,D=ie}let R=D;i&&t==1&&(R=z+x,G(N,R,L));let[re,ee]=Di(s,c);if(d.fill!=null||re!=0){let oe=H.fill=new Path2D(N),Y=d.fillTo(s,c,d.min,d.max,re),ie=V(Y);G(oe,R,ie),G(oe,K,ie)}if(!d.spanGaps){let oe=[];oe.push(...Ri(v,m,f,g,P,Q,n));let Y=d.width*pe/2,ie=r||t==1?Y:-Y,W=r||t==-1?-Y:Y;oe.forEach(Te=>{Te[0]+=ie,Te[1]+=W}),H.gaps=oe=d.gaps(s,c,f,g,oe),H.clip=ho(oe,u.ori,A,I,k,E)}return ee!=0&&(H.band=ee==2?[tn(s,c,f,g,N,-1),tn(s,c,f,g,N,1)]:tn(s,c,f,g,N,ee)),H})}function ss(e,t,r,n,i,s,c=ve){if(e.length>1){let f=null;for(let g=0,d=1/0;g<e.length;g++)if(t[g]!==void 0){if(f!=null){let v=Ve(e[g]-e[f]);v<d&&(d=v,c=Ve(r(e[g],n,i,s)-r(e[f],n,i,s)))}f=g}}return c}function ih(e){e=e||$r;const t=fe(e.size,[.6,ve,1]),r=e.align||0,n=e.gap||0;let i=e.radius;i=i==null?[0,0]:typeof i=="number"?[i,0]:i;const s=ue(i),c=1-t[0],f=fe(t[1],ve),g=fe(t[2],1),d=fe(e.disp,$r),v=fe(e.each,y=>{}),{fill:m,stroke:u}=d;return(y,b,w,A)=>Nn(y,b,(I,k,E,C,z,x,Q,V,G,H,N)=>{let P=I.pxRound,L=r,j=n*pe,D=f*pe,K=g*pe,R,re;C.ori==0?[R,re]=s(y,b):[re,R]=s(y,b);const ee=C.dir*(C.ori==0?1:-1);let oe=C.ori==0?go:xi,Y=C.ori==0?v:(B,ke,Fe,On,mn,Ht,pn)=>{v(B,ke,Fe,mn,On,pn,Ht)},ie=fe(y.bands,Ii).find(B=>B.series[0]==b),W=ie!=null?ie.dir:0,Te=I.fillTo(y,b,I.min,I.max,W),xe=P(Q(Te,z,N,G)),se,te,St,rt=H,Re=P(I.width*pe),Ft=!1,Jt=null,kt=null,nn=null,Mn=null;m!=null&&(Re==0||u!=null)&&(Ft=!0,Jt=m.values(y,b,w,A),kt=new Map,new Set(Jt).forEach(B=>{B!=null&&kt.set(B,new Path2D)}),Re>0&&(nn=u.values(y,b,w,A),Mn=new Map,new Set(nn).forEach(B=>{B!=null&&Mn.set(B,new Path2D)})));let{x0:Pn,size:dr}=d;if(Pn!=null&&dr!=null){L=1,k=Pn.values(y,b,w,A),Pn.unit==2&&(k=k.map(Fe=>y.posToVal(V+Fe*H,C.key,!0)));let B=dr.values(y,b,w,A);dr.unit==2?te=B[0]*H:te=x(B[0],C,H,V)-x(0,C,H,V),rt=ss(k,E,x,C,H,V,rt),St=rt-te+j}else rt=ss(k,E,x,C,H,V,rt),St=rt*c+j,te=rt-St;St<1&&(St=0),Re>=te/2&&(Re=0),St<5&&(P=Fs);let Dr=St>0,fn=rt-St-(Dr?Re:0);te=P(si(fn,K,D)),se=(L==0?te/2:L==ee?0:te)-L*ee*((L==0?j/2:0)+(Dr?Re/2:0));const ot={stroke:null,fill:null,clip:null,band:null,gaps:null,flags:0},Ln=Ft?null:new Path2D;let Qt=null;if(ie!=null)Qt=y.data[ie.series[1]];else{let{y0:B,y1:ke}=d;B!=null&&ke!=null&&(E=ke.values(y,b,w,A),Qt=B.values(y,b,w,A))}let hn=R*te,ae=re*te;for(let B=ee==1?w:A;B>=w&&B<=A;B+=ee){let ke=E[B];if(ke==null)continue;if(Qt!=null){let ct=Qt[B]??0;if(ke-ct==0)continue;xe=Q(ct,z,N,G)}let Fe=C.distr!=2||d!=null?k[B]:B,On=x(Fe,C,H,V),mn=Q(fe(ke,Te),z,N,G),Ht=P(On-se),pn=P(at(mn,xe)),mt=P(Ut(mn,xe)),At=pn-mt;if(ke!=null){let ct=ke<0?ae:hn,xt=ke<0?hn:ae;Ft?(Re>0&&nn[B]!=null&&oe(Mn.get(nn[B]),Ht,mt+wt(Re/2),te,at(0,At-Re),ct,xt),Jt[B]!=null&&oe(kt.get(Jt[B]),Ht,mt+wt(Re/2),te,at(0,At-Re),ct,xt)):oe(Ln,Ht,mt+wt(Re/2),te,at(0,At-Re),ct,xt),Y(y,b,B,Ht-Re/2,mt,te+Re,At)}}return Re>0?ot.stroke=Ft?Mn:Ln:Ft||(ot._fill=I.width==0?I._fill:I._stroke??I._fill,ot.width=0),ot.fill=Ft?kt:Ln,ot})}function lh(e,t){const r=fe(t==null?void 0:t.alignGaps,0);return(n,i,s,c)=>Nn(n,i,(f,g,d,v,m,u,y,b,w,A,I)=>{[s,c]=ao(d,s,c);let k=f.pxRound,E=R=>k(u(R,v,A,b)),C=R=>k(y(R,m,I,w)),z,x,Q;v.ori==0?(z=mo,Q=cr,x=ma):(z=po,Q=ur,x=pa);const V=v.dir*(v.ori==0?1:-1);let G=E(g[V==1?s:c]),H=G,N=[],P=[];for(let R=V==1?s:c;R>=s&&R<=c;R+=V)if(d[R]!=null){let ee=g[R],oe=E(ee);N.push(H=oe),P.push(C(d[R]))}const L={stroke:e(N,P,z,Q,x,k),fill:null,clip:null,band:null,gaps:null,flags:sr},j=L.stroke;let[D,K]=Di(n,i);if(f.fill!=null||D!=0){let R=L.fill=new Path2D(j),re=f.fillTo(n,i,f.min,f.max,D),ee=C(re);Q(R,H,ee),Q(R,G,ee)}if(!f.spanGaps){let R=[];R.push(...Ri(g,d,s,c,V,E,r)),L.gaps=R=f.gaps(n,i,s,c,R),L.clip=ho(R,v.ori,b,w,A,I)}return K!=0&&(L.band=K==2?[tn(n,i,s,c,j,-1),tn(n,i,s,c,j,1)]:tn(n,i,s,c,j,K)),L})}function sh(e){return lh(ah,e)}function ah(e,t,r,n,i,s){const c=e.length;if(c<2)return null;const f=new Path2D;if(r(f,e[0],t[0]),c==2)n(f,e[1],t[1]);else{let g=Array(c),d=Array(c-1),v=Array(c-1),m=Array(c-1);for(let u=0;u<c-1;u++)v[u]=t[u+1]-t[u],m[u]=e[u+1]-e[u],d[u]=v[u]/m[u];g[0]=d[0];for(let u=1;u<c-1;u++)d[u]===0||d[u-1]===0||d[u-1]>0!=d[u]>0?g[u]=0:(g[u]=3*(m[u-1]+m[u])/((2*m[u]+m[u-1])/d[u-1]+(m[u]+2*m[u-1])/d[u]),isFinite(g[u])||(g[u]=0));g[c-1]=d[c-2];for(let u=0;u<c-1;u++)i(f,e[u]+m[u]/3,t[u]+g[u]*m[u]/3,e[u+1]-m[u]/3,t[u+1]-g[u+1]*m[u]/3,e[u+1],t[u+1])}return f}const di=new Set;function as(){for(let e of di)e.syncRect(!0)}ar&&(En(Fd,rr,as),En(Hd,rr,as,!0),En(ro,rr,()=>{nt.pxRatio=pe}));const ch=_a(),uh=ga();function cs(e,t,r,n){return(n?[e[0],e[1]].concat(e.slice(2)):[e[0]].concat(e.slice(1))).map((s,c)=>fi(s,c,t,r))}function dh(e,t){return e.map((r,n)=>n==0?{}:Be({},t,r))}function fi(e,t,r,n){return Be({},t==0?r:n,e)}function va(e,t,r){return t==null?ir:[t,r]}const fh=va;function hh(e,t,r){return t==null?ir:oo(t,r,ki,!0)}function wa(e,t,r,n){return t==null?ir:co(t,r,e.scales[n].log,!1)}const mh=wa;function ba(e,t,r,n){return t==null?ir:Si(t,r,e.scales[n].log,!1)}const ph=ba;function gh(e,t,r,n,i){let s=at(Fl(e),Fl(t)),c=t-e,f=Ot(i/n*c,r);do{let g=r[f],d=n*g/c;if(d>=i&&s+(g<5?dn.get(g):0)<=17)return[g,d]}while(++f<r.length);return[0,0]}function us(e){let t,r;return e=e.replace(/(\d+)px/,(n,i)=>(t=He((r=+i)*pe))+"px"),[e,t,r]}function yh(e){e.show&&[e.font,e.labelFont].forEach(t=>{let r=we(t[2]*pe,1);t[0]=t[0].replace(/[0-9.]+px/,r+"px"),t[1]=r})}function nt(e,t,r){const n={mode:fe(e.mode,1)},i=n.mode;function s(l,a,h,p){let _=a.valToPct(l);return p+h*(a.dir==-1?1-_:_)}function c(l,a,h,p){let _=a.valToPct(l);return p+h*(a.dir==-1?_:1-_)}function f(l,a,h,p){return a.ori==0?s(l,a,h,p):c(l,a,h,p)}n.valToPosH=s,n.valToPosV=c;let g=!1;n.status=0;const d=n.root=Tt(kd);if(e.id!=null&&(d.id=e.id),vt(d,e.class),e.title){let l=Tt(Cd,d);l.textContent=e.title}const v=Lt("canvas"),m=n.ctx=v.getContext("2d"),u=Tt($d,d);En("click",u,l=>{l.target===b&&(Ae!=jn||De!=Yn)&&Xe.click(n,l)},!0);const y=n.under=Tt(Ed,u);u.appendChild(v);const b=n.over=Tt(Td,u);e=lr(e);const w=+fe(e.pxAlign,1),A=ls(w);(e.plugins||[]).forEach(l=>{l.opts&&(e=l.opts(n,e)||e)});const I=e.ms||.001,k=n.series=i==1?cs(e.series||[],Xl,os,!1):dh(e.series||[null],rs),E=n.axes=cs(e.axes||[],Zl,ts,!0),C=n.scales={},z=n.bands=e.bands||[];z.forEach(l=>{l.fill=ue(l.fill||null),l.dir=fe(l.dir,-1)});const x=i==2?k[1].facets[0].scale:k[0].scale,Q={axes:Wa,series:qa},V=(e.drawOrder||["axes","series"]).map(l=>Q[l]);function G(l){const a=l.distr==3?h=>en(h>0?h:l.clamp(n,h,l.min,l.max,l.key)):l.distr==4?h=>Ko(h,l.asinh):l.distr==100?h=>l.fwd(h):h=>h;return h=>{let p=a(h),{_min:_,_max:S}=l,$=S-_;return(p-_)/$}}function H(l){let a=C[l];if(a==null){let h=(e.scales||$r)[l]||$r;if(h.from!=null){H(h.from);let p=Be({},C[h.from],h,{key:l});p.valToPct=G(p),C[l]=p}else{a=C[l]=Be({},l==x?ca:Xf,h),a.key=l;let p=a.time,_=a.range,S=un(_);if((l!=x||i==2&&!p)&&(S&&(_[0]==null||_[1]==null)&&(_={min:_[0]==null?Ul:{mode:1,hard:_[0],soft:_[0]},max:_[1]==null?Ul:{mode:1,hard:_[1],soft:_[1]}},S=!1),!S&&fo(_))){let $=_;_=(T,M,U)=>M==null?ir:oo(M,U,$)}a.range=ue(_||(p?fh:l==x?a.distr==3?mh:a.distr==4?ph:va:a.distr==3?wa:a.distr==4?ba:hh)),a.auto=ue(S?!1:a.auto),a.clamp=ue(a.clamp||Zf),a._min=a._max=null,a.valToPct=G(a)}}}H("x"),H("y"),i==1&&k.forEach(l=>{H(l.scale)}),E.forEach(l=>{H(l.scale)});for(let l in e.scales)H(l);const N=C[x],P=N.distr;let L,j;N.ori==0?(vt(d,Ad),L=s,j=c):(vt(d,Id),L=c,j=s);const D={};for(let l in C){let a=C[l];(a.min!=null||a.max!=null)&&(D[l]={min:a.min,max:a.max},a.min=a.max=null)}const K=e.tzDate||(l=>new Date(He(l/I))),R=e.fmtDate||Ci,re=I==1?If(K):Ef(K),ee=Yl(K,jl(I==1?Af:$f,R)),oe=Ql(K,Jl(Df,R)),Y=[],ie=n.legend=Be({},Nf,e.legend),W=n.cursor=Be({},qf,{drag:{y:i==2}},e.cursor),Te=ie.show,xe=W.show,se=ie.markers;ie.idxs=Y,se.width=ue(se.width),se.dash=ue(se.dash),se.stroke=ue(se.stroke),se.fill=ue(se.fill);let te,St,rt,Re=[],Ft=[],Jt,kt=!1,nn={};if(ie.live){const l=k[1]?k[1].values:null;kt=l!=null,Jt=kt?l(n,1,0):{_:0};for(let a in Jt)nn[a]=wi}if(Te)if(te=Lt("table",Pd,d),rt=Lt("tbody",null,te),ie.mount(n,te),kt){St=Lt("thead",null,te,rt);let l=Lt("tr",null,St);Lt("th",null,l);for(var Mn in Jt)Lt("th",Il,l).textContent=Mn}else vt(te,Od),ie.live&&vt(te,Ld);const Pn={show:!0},dr={show:!1};function Dr(l,a){if(a==0&&(kt||!ie.live||i==2))return ir;let h=[],p=Lt("tr",Ud,rt,rt.childNodes[a]);vt(p,l.class),l.show||vt(p,Cn);let _=Lt("th",null,p);if(se.show){let T=Tt(qd,_);if(a>0){let M=se.width(n,a);M&&(T.style.border=M+"px "+se.dash(n,a)+" "+se.stroke(n,a)),T.style.background=se.fill(n,a)}}let S=Tt(Il,_);l.label instanceof HTMLElement?S.appendChild(l.label):S.textContent=l.label,a>0&&(se.show||(S.style.color=l.width>0?se.stroke(n,a):se.fill(n,a)),ot("click",_,T=>{if(W._lock)return;yn(T);let M=k.indexOf(l);if((T.ctrlKey||T.metaKey)!=ie.isolate){let U=k.some((q,F)=>F>0&&F!=M&&q.show);k.forEach((q,F)=>{F>0&&Wt(F,U?F==M?Pn:dr:Pn,!0,Ue.setSeries)})}else Wt(M,{show:!l.show},!0,Ue.setSeries)},!1),qn&&ot(Tl,_,T=>{W._lock||(yn(T),Wt(k.indexOf(l),Qn,!0,Ue.setSeries))},!1));for(var $ in Jt){let T=Lt("td",Bd,p);T.textContent="--",h.push(T)}return[p,h]}const fn=new Map;function ot(l,a,h,p=!0){const _=fn.get(a)||{},S=W.bind[l](n,a,h,p);S&&(En(l,a,_[l]=S),fn.set(a,_))}function Ln(l,a,h){const p=fn.get(a)||{};for(let _ in p)(l==null||_==l)&&(li(_,a,p[_]),delete p[_]);l==null&&fn.delete(a)}let Qt=0,hn=0,ae=0,B=0,ke=0,Fe=0,On=ke,mn=Fe,Ht=ae,pn=B,mt=0,At=0,ct=0,xt=0;n.bbox={};let yo=!1,Rr=!1,Un=!1,gn=!1,xr=!1,It=!1;function _o(l,a,h){(h||l!=n.width||a!=n.height)&&Ni(l,a),Wn(!1),Un=!0,Rr=!0,zn()}function Ni(l,a){n.width=Qt=ae=l,n.height=hn=B=a,ke=Fe=0,xa(),Na();let h=n.bbox;mt=h.left=An(ke*pe,.5),At=h.top=An(Fe*pe,.5),ct=h.width=An(ae*pe,.5),xt=h.height=An(B*pe,.5)}const Ta=3;function Da(){let l=!1,a=0;for(;!l;){a++;let h=Ha(a),p=Va(a);l=a==Ta||h&&p,l||(Ni(n.width,n.height),Rr=!0)}}function Ra({width:l,height:a}){_o(l,a)}n.setSize=Ra;function xa(){let l=!1,a=!1,h=!1,p=!1;E.forEach((_,S)=>{if(_.show&&_._show){let{side:$,_size:T}=_,M=$%2,U=_.label!=null?_.labelSize:0,q=T+U;q>0&&(M?(ae-=q,$==3?(ke+=q,p=!0):h=!0):(B-=q,$==0?(Fe+=q,l=!0):a=!0))}}),_n[0]=l,_n[1]=h,_n[2]=a,_n[3]=p,ae-=rn[1]+rn[3],ke+=rn[3],B-=rn[2]+rn[0],Fe+=rn[0]}function Na(){let l=ke+ae,a=Fe+B,h=ke,p=Fe;function _(S,$){switch(S){case 1:return l+=$,l-$;case 2:return a+=$,a-$;case 3:return h-=$,h+$;case 0:return p-=$,p+$}}E.forEach((S,$)=>{if(S.show&&S._show){let T=S.side;S._pos=_(T,S._size),S.label!=null&&(S._lpos=_(T,S.labelSize))}})}if(W.dataIdx==null){let l=W.hover,a=l.skip=new Set(l.skip??[]);a.add(void 0);let h=l.prox=ue(l.prox),p=l.bias??(l.bias=0);W.dataIdx=(_,S,$,T)=>{if(S==0)return $;let M=$,U=h(_,S,$,T)??ve,q=U>=0&&U<ve,F=N.ori==0?ae:B,le=W.left,me=t[0],de=t[S];if(a.has(de[$])){M=null;let ce=null,ne=null,J;if(p==0||p==-1)for(J=$;ce==null&&J-- >0;)a.has(de[J])||(ce=J);if(p==0||p==1)for(J=$;ne==null&&J++<de.length;)a.has(de[J])||(ne=J);if(ce!=null||ne!=null)if(q){let Ce=ce==null?-1/0:L(me[ce],N,F,0),Ne=ne==null?1/0:L(me[ne],N,F,0),Qe=le-Ce,_e=Ne-le;Qe<=_e?Qe<=U&&(M=ce):_e<=U&&(M=ne)}else M=ne==null?ce:ce==null?ne:$-ce<=ne-$?ce:ne}else q&&Ve(le-L(me[$],N,F,0))>U&&(M=null);return M}}const yn=l=>{W.event=l};W.idxs=Y,W._lock=!1;let tt=W.points;tt.show=ue(tt.show),tt.size=ue(tt.size),tt.stroke=ue(tt.stroke),tt.width=ue(tt.width),tt.fill=ue(tt.fill);const Vt=n.focus=Be({},e.focus||{alpha:.3},W.focus),qn=Vt.prox>=0,Bn=qn&&tt.one;let Ct=[],Fn=[],Hn=[];function Mi(l,a){let h=tt.show(n,a);if(h instanceof HTMLElement)return vt(h,Md),vt(h,l.class),jt(h,-10,-10,ae,B),b.insertBefore(h,Ct[a]),h}function Pi(l,a){if(i==1||a>0){let h=i==1&&C[l.scale].time,p=l.value;l.value=h?Wl(p)?Ql(K,Jl(p,R)):p||oe:p||Yf,l.label=l.label||(h?Ff:Bf)}if(Bn||a>0){l.width=l.width==null?1:l.width,l.paths=l.paths||ch||Zd,l.fillTo=ue(l.fillTo||eh),l.pxAlign=+fe(l.pxAlign,w),l.pxRound=ls(l.pxAlign),l.stroke=ue(l.stroke||null),l.fill=ue(l.fill||null),l._stroke=l._fill=l._paths=l._focus=null;let h=Jf(at(1,l.width),1),p=l.points=Be({},{size:h,width:at(1,h*.2),stroke:l.stroke,space:h*2,paths:uh,_stroke:null,_fill:null},l.points);p.show=ue(p.show),p.filter=ue(p.filter),p.fill=ue(p.fill),p.stroke=ue(p.stroke),p.paths=ue(p.paths),p.pxAlign=l.pxAlign}if(Te){let h=Dr(l,a);Re.splice(a,0,h[0]),Ft.splice(a,0,h[1]),ie.values.push(null)}if(xe){Y.splice(a,0,null);let h=null;Bn?a==0&&(h=Mi(l,a)):a>0&&(h=Mi(l,a)),Ct.splice(a,0,h),Fn.splice(a,0,0),Hn.splice(a,0,0)}Je("addSeries",a)}function Ma(l,a){a=a??k.length,l=i==1?fi(l,a,Xl,os):fi(l,a,{},rs),k.splice(a,0,l),Pi(k[a],a)}n.addSeries=Ma;function Pa(l){if(k.splice(l,1),Te){ie.values.splice(l,1),Ft.splice(l,1);let a=Re.splice(l,1)[0];Ln(null,a.firstChild),a.remove()}xe&&(Y.splice(l,1),Ct.splice(l,1)[0].remove(),Fn.splice(l,1),Hn.splice(l,1)),Je("delSeries",l)}n.delSeries=Pa;const _n=[!1,!1,!1,!1];function La(l,a){if(l._show=l.show,l.show){let h=l.side%2,p=C[l.scale];p==null&&(l.scale=h?k[1].scale:x,p=C[l.scale]);let _=p.time;l.size=ue(l.size),l.space=ue(l.space),l.rotate=ue(l.rotate),un(l.incrs)&&l.incrs.forEach($=>{!dn.has($)&&dn.set($,Ws($))}),l.incrs=ue(l.incrs||(p.distr==2?bf:_?I==1?kf:Cf:In)),l.splits=ue(l.splits||(_&&p.distr==1?re:p.distr==3?ai:p.distr==4?Wf:Vf)),l.stroke=ue(l.stroke),l.grid.stroke=ue(l.grid.stroke),l.ticks.stroke=ue(l.ticks.stroke),l.border.stroke=ue(l.border.stroke);let S=l.values;l.values=un(S)&&!un(S[0])?ue(S):_?un(S)?Yl(K,jl(S,R)):Wl(S)?Tf(K,S):S||ee:S||Hf,l.filter=ue(l.filter||(p.distr>=3&&p.log==10?Gf:p.distr==3&&p.log==2?jf:Hs)),l.font=us(l.font),l.labelFont=us(l.labelFont),l._size=l.size(n,null,a,0),l._space=l._rotate=l._incrs=l._found=l._splits=l._values=null,l._size>0&&(_n[a]=!0,l._el=Tt(Dd,u))}}function fr(l,a,h,p){let[_,S,$,T]=h,M=a%2,U=0;return M==0&&(T||S)&&(U=a==0&&!_||a==2&&!$?He(Zl.size/3):0),M==1&&(_||$)&&(U=a==1&&!S||a==3&&!T?He(ts.size/2):0),U}const Li=n.padding=(e.padding||[fr,fr,fr,fr]).map(l=>ue(fe(l,fr))),rn=n._padding=Li.map((l,a)=>l(n,a,_n,0));let Ze,Ke=null,Ge=null;const Nr=i==1?k[0].idxs:null;let Nt=null,hr=!1;function Oi(l,a){if(t=l??[],n.data=n._data=t,i==2){Ze=0;for(let h=1;h<k.length;h++)Ze+=t[h][0].length}else{t.length==0&&(n.data=n._data=t=[[]]),Nt=t[0],Ze=Nt.length;let h=t;if(P==2){h=t.slice();let p=h[0]=Array(Ze);for(let _=0;_<Ze;_++)p[_]=_}n._data=t=h}if(Wn(!0),Je("setData"),P==2&&(Un=!0),a!==!1){let h=N;h.auto(n,hr)?vo():ln(x,h.min,h.max),gn=gn||W.left>=0,It=!0,zn()}}n.setData=Oi;function vo(){hr=!0;let l,a;i==1&&(Ze>0?(Ke=Nr[0]=0,Ge=Nr[1]=Ze-1,l=t[0][Ke],a=t[0][Ge],P==2?(l=Ke,a=Ge):l==a&&(P==3?[l,a]=co(l,l,N.log,!1):P==4?[l,a]=Si(l,l,N.log,!1):N.time?a=l+He(86400/I):[l,a]=oo(l,a,ki,!0))):(Ke=Nr[0]=l=null,Ge=Nr[1]=a=null)),ln(x,l,a)}let Mr,Vn,wo,bo,So,ko,Ao,Io,Co,ut;function Ui(l,a,h,p,_,S){l??(l=$l),h??(h=Ii),p??(p="butt"),_??(_=$l),S??(S="round"),l!=Mr&&(m.strokeStyle=Mr=l),_!=Vn&&(m.fillStyle=Vn=_),a!=wo&&(m.lineWidth=wo=a),S!=So&&(m.lineJoin=So=S),p!=ko&&(m.lineCap=ko=p),h!=bo&&m.setLineDash(bo=h)}function qi(l,a,h,p){a!=Vn&&(m.fillStyle=Vn=a),l!=Ao&&(m.font=Ao=l),h!=Io&&(m.textAlign=Io=h),p!=Co&&(m.textBaseline=Co=p)}function $o(l,a,h,p,_=0){if(p.length>0&&l.auto(n,hr)&&(a==null||a.min==null)){let S=fe(Ke,0),$=fe(Ge,p.length-1),T=h.min==null?Kd(p,S,$,_,l.distr==3):[h.min,h.max];l.min=Ut(l.min,h.min=T[0]),l.max=at(l.max,h.max=T[1])}}const Bi={min:null,max:null};function Oa(){for(let p in C){let _=C[p];D[p]==null&&(_.min==null||D[x]!=null&&_.auto(n,hr))&&(D[p]=Bi)}for(let p in C){let _=C[p];D[p]==null&&_.from!=null&&D[_.from]!=null&&(D[p]=Bi)}D[x]!=null&&Wn(!0);let l={};for(let p in D){let _=D[p];if(_!=null){let S=l[p]=lr(C[p],tf);if(_.min!=null)Be(S,_);else if(p!=x||i==2)if(Ze==0&&S.from==null){let $=S.range(n,null,null,p);S.min=$[0],S.max=$[1]}else S.min=ve,S.max=-ve}}if(Ze>0){k.forEach((p,_)=>{if(i==1){let S=p.scale,$=D[S];if($==null)return;let T=l[S];if(_==0){let M=T.range(n,T.min,T.max,S);T.min=M[0],T.max=M[1],Ke=Ot(T.min,t[0]),Ge=Ot(T.max,t[0]),Ge-Ke>1&&(t[0][Ke]<T.min&&Ke++,t[0][Ge]>T.max&&Ge--),p.min=Nt[Ke],p.max=Nt[Ge]}else p.show&&p.auto&&$o(T,$,p,t[_],p.sorted);p.idxs[0]=Ke,p.idxs[1]=Ge}else if(_>0&&p.show&&p.auto){let[S,$]=p.facets,T=S.scale,M=$.scale,[U,q]=t[_],F=l[T],le=l[M];F!=null&&$o(F,D[T],S,U,S.sorted),le!=null&&$o(le,D[M],$,q,$.sorted),p.min=$.min,p.max=$.max}});for(let p in l){let _=l[p],S=D[p];if(_.from==null&&(S==null||S.min==null)){let $=_.range(n,_.min==ve?null:_.min,_.max==-ve?null:_.max,p);_.min=$[0],_.max=$[1]}}}for(let p in l){let _=l[p];if(_.from!=null){let S=l[_.from];if(S.min==null)_.min=_.max=null;else{let $=_.range(n,S.min,S.max,p);_.min=$[0],_.max=$[1]}}}let a={},h=!1;for(let p in l){let _=l[p],S=C[p];if(S.min!=_.min||S.max!=_.max){S.min=_.min,S.max=_.max;let $=S.distr;S._min=$==3?en(S.min):$==4?Ko(S.min,S.asinh):$==100?S.fwd(S.min):S.min,S._max=$==3?en(S.max):$==4?Ko(S.max,S.asinh):$==100?S.fwd(S.max):S.max,a[p]=h=!0}}if(h){k.forEach((p,_)=>{i==2?_>0&&a.y&&(p._paths=null):a[p.scale]&&(p._paths=null)});for(let p in a)Un=!0,Je("setScale",p);xe&&W.left>=0&&(gn=It=!0)}for(let p in D)D[p]=null}function Ua(l){let a=si(Ke-1,0,Ze-1),h=si(Ge+1,0,Ze-1);for(;l[a]==null&&a>0;)a--;for(;l[h]==null&&h<Ze-1;)h++;return[a,h]}function qa(){if(Ze>0){let l=k.some(a=>a._focus)&&ut!=Vt.alpha;l&&(m.globalAlpha=ut=Vt.alpha),k.forEach((a,h)=>{if(h>0&&a.show&&(Fi(h,!1),Fi(h,!0),a._paths==null)){let p=ut;ut!=a.alpha&&(m.globalAlpha=ut=a.alpha);let _=i==2?[0,t[h][0].length-1]:Ua(t[h]);a._paths=a.paths(n,h,_[0],_[1]),ut!=p&&(m.globalAlpha=ut=p)}}),k.forEach((a,h)=>{if(h>0&&a.show){let p=ut;ut!=a.alpha&&(m.globalAlpha=ut=a.alpha),a._paths!=null&&Hi(h,!1);{let _=a._paths!=null?a._paths.gaps:null,S=a.points.show(n,h,Ke,Ge,_),$=a.points.filter(n,h,S,_);(S||$)&&(a.points._paths=a.points.paths(n,h,Ke,Ge,$),Hi(h,!0))}ut!=p&&(m.globalAlpha=ut=p),Je("drawSeries",h)}}),l&&(m.globalAlpha=ut=1)}}function Fi(l,a){let h=a?k[l].points:k[l];h._stroke=h.stroke(n,l),h._fill=h.fill(n,l)}function Hi(l,a){let h=a?k[l].points:k[l],{stroke:p,fill:_,clip:S,flags:$,_stroke:T=h._stroke,_fill:M=h._fill,_width:U=h.width}=h._paths;U=we(U*pe,3);let q=null,F=U%2/2;a&&M==null&&(M=U>0?"#fff":T);let le=h.pxAlign==1&&F>0;if(le&&m.translate(F,F),!a){let me=mt-U/2,de=At-U/2,ce=ct+U,ne=xt+U;q=new Path2D,q.rect(me,de,ce,ne)}a?Eo(T,U,h.dash,h.cap,M,p,_,$,S):Ba(l,T,U,h.dash,h.cap,M,p,_,$,q,S),le&&m.translate(-F,-F)}function Ba(l,a,h,p,_,S,$,T,M,U,q){let F=!1;M!=0&&z.forEach((le,me)=>{if(le.series[0]==l){let de=k[le.series[1]],ce=t[le.series[1]],ne=(de._paths||$r).band;un(ne)&&(ne=le.dir==1?ne[0]:ne[1]);let J,Ce=null;de.show&&ne&&jd(ce,Ke,Ge)?(Ce=le.fill(n,me)||S,J=de._paths.clip):ne=null,Eo(a,h,p,_,Ce,$,T,M,U,q,J,ne),F=!0}}),F||Eo(a,h,p,_,S,$,T,M,U,q)}const Vi=sr|ui;function Eo(l,a,h,p,_,S,$,T,M,U,q,F){Ui(l,a,h,p,_),(M||U||F)&&(m.save(),M&&m.clip(M),U&&m.clip(U)),F?(T&Vi)==Vi?(m.clip(F),q&&m.clip(q),Lr(_,$),Pr(l,S,a)):T&ui?(Lr(_,$),m.clip(F),Pr(l,S,a)):T&sr&&(m.save(),m.clip(F),q&&m.clip(q),Lr(_,$),m.restore(),Pr(l,S,a)):(Lr(_,$),Pr(l,S,a)),(M||U||F)&&m.restore()}function Pr(l,a,h){h>0&&(a instanceof Map?a.forEach((p,_)=>{m.strokeStyle=Mr=_,m.stroke(p)}):a!=null&&l&&m.stroke(a))}function Lr(l,a){a instanceof Map?a.forEach((h,p)=>{m.fillStyle=Vn=p,m.fill(h)}):a!=null&&l&&m.fill(a)}function Fa(l,a,h,p){let _=E[l],S;if(p<=0)S=[0,0];else{let $=_._space=_.space(n,l,a,h,p),T=_._incrs=_.incrs(n,l,a,h,p,$);S=gh(a,h,T,p,$)}return _._found=S}function To(l,a,h,p,_,S,$,T,M,U){let q=$%2/2;w==1&&m.translate(q,q),Ui(T,$,M,U,T),m.beginPath();let F,le,me,de,ce=_+(p==0||p==3?-S:S);h==0?(le=_,de=ce):(F=_,me=ce);for(let ne=0;ne<l.length;ne++)a[ne]!=null&&(h==0?F=me=l[ne]:le=de=l[ne],m.moveTo(F,le),m.lineTo(me,de));m.stroke(),w==1&&m.translate(-q,-q)}function Ha(l){let a=!0;return E.forEach((h,p)=>{if(!h.show)return;let _=C[h.scale];if(_.min==null){h._show&&(a=!1,h._show=!1,Wn(!1));return}else h._show||(a=!1,h._show=!0,Wn(!1));let S=h.side,$=S%2,{min:T,max:M}=_,[U,q]=Fa(p,T,M,$==0?ae:B);if(q==0)return;let F=_.distr==2,le=h._splits=h.splits(n,p,T,M,U,q,F),me=_.distr==2?le.map(J=>Nt[J]):le,de=_.distr==2?Nt[le[1]]-Nt[le[0]]:U,ce=h._values=h.values(n,h.filter(n,me,p,q,de),p,q,de);h._rotate=S==2?h.rotate(n,ce,p,q):0;let ne=h._size;h._size=Dt(h.size(n,ce,p,l)),ne!=null&&h._size!=ne&&(a=!1)}),a}function Va(l){let a=!0;return Li.forEach((h,p)=>{let _=h(n,p,_n,l);_!=rn[p]&&(a=!1),rn[p]=_}),a}function Wa(){for(let l=0;l<E.length;l++){let a=E[l];if(!a.show||!a._show)continue;let h=a.side,p=h%2,_,S,$=a.stroke(n,l),T=h==0||h==3?-1:1,[M,U]=a._found;if(a.label!=null){let lt=a.labelGap*T,yt=He((a._lpos+lt)*pe);qi(a.labelFont[0],$,"center",h==2?wr:Cl),m.save(),p==1?(_=S=0,m.translate(yt,He(At+xt/2)),m.rotate((h==3?-Zr:Zr)/2)):(_=He(mt+ct/2),S=yt);let bn=Bs(a.label)?a.label(n,l,M,U):a.label;m.fillText(bn,_,S),m.restore()}if(U==0)continue;let q=C[a.scale],F=p==0?ct:xt,le=p==0?mt:At,me=a._splits,de=q.distr==2?me.map(lt=>Nt[lt]):me,ce=q.distr==2?Nt[me[1]]-Nt[me[0]]:M,ne=a.ticks,J=a.border,Ce=ne.show?ne.size:0,Ne=He(Ce*pe),Qe=He((a.alignTo==2?a._size-Ce-a.gap:a.gap)*pe),_e=a._rotate*-Zr/180,Me=A(a._pos*pe),pt=(Ne+Qe)*T,it=Me+pt;S=p==0?it:0,_=p==1?it:0;let $t=a.font[0],Mt=a.align==1?Xn:a.align==2?Vo:_e>0?Xn:_e<0?Vo:p==0?"center":h==3?Vo:Xn,Kt=_e||p==1?"middle":h==2?wr:Cl;qi($t,$,Mt,Kt);let gt=a.font[1]*a.lineGap,Et=me.map(lt=>A(f(lt,q,F,le))),Pt=a._values;for(let lt=0;lt<Pt.length;lt++){let yt=Pt[lt];if(yt!=null){p==0?_=Et[lt]:S=Et[lt],yt=""+yt;let bn=yt.indexOf(`
`)==-1?[yt]:yt.split(/\n/gm);for(let st=0;st<bn.length;st++){let al=bn[st];_e?(m.save(),m.translate(_,S+st*gt),m.rotate(_e),m.fillText(al,0,0),m.restore()):m.fillText(al,_,S+st*gt)}}}ne.show&&To(Et,ne.filter(n,de,l,U,ce),p,h,Me,Ne,we(ne.width*pe,3),ne.stroke(n,l),ne.dash,ne.cap);let Gt=a.grid;Gt.show&&To(Et,Gt.filter(n,de,l,U,ce),p,p==0?2:1,p==0?At:mt,p==0?xt:ct,we(Gt.width*pe,3),Gt.stroke(n,l),Gt.dash,Gt.cap),J.show&&To([Me],[1],p==0?1:0,p==0?1:2,p==1?At:mt,p==1?xt:ct,we(J.width*pe,3),J.stroke(n,l),J.dash,J.cap)}Je("drawAxes")}function Wn(l){k.forEach((a,h)=>{h>0&&(a._paths=null,l&&(i==1?(a.min=null,a.max=null):a.facets.forEach(p=>{p.min=null,p.max=null})))})}let Or=!1,Do=!1,mr=[];function za(){Do=!1;for(let l=0;l<mr.length;l++)Je(...mr[l]);mr.length=0}function zn(){Or||(cf(Wi),Or=!0)}function Ka(l,a=!1){Or=!0,Do=a,l(n),Wi(),a&&mr.length>0&&queueMicrotask(za)}n.batch=Ka;function Wi(){if(yo&&(Oa(),yo=!1),Un&&(Da(),Un=!1),Rr){if($e(y,Xn,ke),$e(y,wr,Fe),$e(y,Sr,ae),$e(y,kr,B),$e(b,Xn,ke),$e(b,wr,Fe),$e(b,Sr,ae),$e(b,kr,B),$e(u,Sr,Qt),$e(u,kr,hn),v.width=He(Qt*pe),v.height=He(hn*pe),E.forEach(({_el:l,_show:a,_size:h,_pos:p,side:_})=>{if(l!=null)if(a){let S=_===3||_===0?h:0,$=_%2==1;$e(l,$?"left":"top",p-S),$e(l,$?"width":"height",h),$e(l,$?"top":"left",$?Fe:ke),$e(l,$?"height":"width",$?B:ae),ii(l,Cn)}else vt(l,Cn)}),Mr=Vn=wo=So=ko=Ao=Io=Co=bo=null,ut=1,yr(!0),ke!=On||Fe!=mn||ae!=Ht||B!=pn){Wn(!1);let l=ae/Ht,a=B/pn;if(xe&&!gn&&W.left>=0){W.left*=l,W.top*=a,Kn&&jt(Kn,He(W.left),0,ae,B),Gn&&jt(Gn,0,He(W.top),ae,B);for(let h=0;h<Ct.length;h++){let p=Ct[h];p!=null&&(Fn[h]*=l,Hn[h]*=a,jt(p,Dt(Fn[h]),Dt(Hn[h]),ae,B))}}if(Ie.show&&!xr&&Ie.left>=0&&Ie.width>0){Ie.left*=l,Ie.width*=l,Ie.top*=a,Ie.height*=a;for(let h in Lo)$e(Jn,h,Ie[h])}On=ke,mn=Fe,Ht=ae,pn=B}Je("setSize"),Rr=!1}Qt>0&&hn>0&&(m.clearRect(0,0,v.width,v.height),Je("drawClear"),V.forEach(l=>l()),Je("draw")),Ie.show&&xr&&(Ur(Ie),xr=!1),xe&&gn&&(wn(null,!0,!1),gn=!1),ie.show&&ie.live&&It&&(Mo(),It=!1),g||(g=!0,n.status=1,Je("ready")),hr=!1,Or=!1}n.redraw=(l,a)=>{Un=a||!1,l!==!1?ln(x,N.min,N.max):zn()};function Ro(l,a){let h=C[l];if(h.from==null){if(Ze==0){let p=h.range(n,a.min,a.max,l);a.min=p[0],a.max=p[1]}if(a.min>a.max){let p=a.min;a.min=a.max,a.max=p}if(Ze>1&&a.min!=null&&a.max!=null&&a.max-a.min<1e-16)return;l==x&&h.distr==2&&Ze>0&&(a.min=Ot(a.min,t[0]),a.max=Ot(a.max,t[0]),a.min==a.max&&a.max++),D[l]=a,yo=!0,zn()}}n.setScale=Ro;let xo,No,Kn,Gn,zi,Ki,jn,Yn,Gi,ji,Ae,De,on=!1;const Xe=W.drag;let je=Xe.x,Ye=Xe.y;xe&&(W.x&&(xo=Tt(xd,b)),W.y&&(No=Tt(Nd,b)),N.ori==0?(Kn=xo,Gn=No):(Kn=No,Gn=xo),Ae=W.left,De=W.top);const Ie=n.select=Be({show:!0,over:!0,left:0,width:0,top:0,height:0},e.select),Jn=Ie.show?Tt(Rd,Ie.over?b:y):null;function Ur(l,a){if(Ie.show){for(let h in l)Ie[h]=l[h],h in Lo&&$e(Jn,h,l[h]);a!==!1&&Je("setSelect")}}n.setSelect=Ur;function Ga(l){if(k[l].show)Te&&ii(Re[l],Cn);else if(Te&&vt(Re[l],Cn),xe){let h=Bn?Ct[0]:Ct[l];h!=null&&jt(h,-10,-10,ae,B)}}function ln(l,a,h){Ro(l,{min:a,max:h})}function Wt(l,a,h,p){a.focus!=null&&Za(l),a.show!=null&&k.forEach((_,S)=>{S>0&&(l==S||l==null)&&(_.show=a.show,Ga(S),i==2?(ln(_.facets[0].scale,null,null),ln(_.facets[1].scale,null,null)):ln(_.scale,null,null),zn())}),h!==!1&&Je("setSeries",l,a),p&&_r("setSeries",n,l,a)}n.setSeries=Wt;function ja(l,a){Be(z[l],a)}function Ya(l,a){l.fill=ue(l.fill||null),l.dir=fe(l.dir,-1),a=a??z.length,z.splice(a,0,l)}function Ja(l){l==null?z.length=0:z.splice(l,1)}n.addBand=Ya,n.setBand=ja,n.delBand=Ja;function Qa(l,a){k[l].alpha=a,xe&&Ct[l]!=null&&(Ct[l].style.opacity=a),Te&&Re[l]&&(Re[l].style.opacity=a)}let Zt,sn,vn;const Qn={focus:!0};function Za(l){if(l!=vn){let a=l==null,h=Vt.alpha!=1;k.forEach((p,_)=>{if(i==1||_>0){let S=a||_==0||_==l;p._focus=a?null:S,h&&Qa(_,S?1:Vt.alpha)}}),vn=l,h&&zn()}}Te&&qn&&ot(Dl,te,l=>{W._lock||(yn(l),vn!=null&&Wt(null,Qn,!0,Ue.setSeries))});function zt(l,a,h){let p=C[a];h&&(l=l/pe-(p.ori==1?Fe:ke));let _=ae;p.ori==1&&(_=B,l=_-l),p.dir==-1&&(l=_-l);let S=p._min,$=p._max,T=l/_,M=S+($-S)*T,U=p.distr;return U==3?or(10,M):U==4?Jd(M,p.asinh):U==100?p.bwd(M):M}function Xa(l,a){let h=zt(l,x,a);return Ot(h,t[0],Ke,Ge)}n.valToIdx=l=>Ot(l,t[0]),n.posToIdx=Xa,n.posToVal=zt,n.valToPos=(l,a,h)=>C[a].ori==0?s(l,C[a],h?ct:ae,h?mt:0):c(l,C[a],h?xt:B,h?At:0),n.setCursor=(l,a,h)=>{Ae=l.left,De=l.top,wn(null,a,h)};function Yi(l,a){$e(Jn,Xn,Ie.left=l),$e(Jn,Sr,Ie.width=a)}function Ji(l,a){$e(Jn,wr,Ie.top=l),$e(Jn,kr,Ie.height=a)}let pr=N.ori==0?Yi:Ji,gr=N.ori==1?Yi:Ji;function ec(){if(Te&&ie.live)for(let l=i==2?1:0;l<k.length;l++){if(l==0&&kt)continue;let a=ie.values[l],h=0;for(let p in a)Ft[l][h++].firstChild.nodeValue=a[p]}}function Mo(l,a){if(l!=null&&(l.idxs?l.idxs.forEach((h,p)=>{Y[p]=h}):ef(l.idx)||Y.fill(l.idx),ie.idx=Y[0]),Te&&ie.live){for(let h=0;h<k.length;h++)(h>0||i==1&&!kt)&&tc(h,Y[h]);ec()}It=!1,a!==!1&&Je("setLegend")}n.setLegend=Mo;function tc(l,a){let h=k[l],p=l==0&&P==2?Nt:t[l],_;kt?_=h.values(n,l,a)??nn:(_=h.value(n,a==null?null:p[a],l,a),_=_==null?nn:{_}),ie.values[l]=_}function wn(l,a,h){Gi=Ae,ji=De,[Ae,De]=W.move(n,Ae,De),W.left=Ae,W.top=De,xe&&(Kn&&jt(Kn,He(Ae),0,ae,B),Gn&&jt(Gn,0,He(De),ae,B));let p,_=Ke>Ge;Zt=ve,sn=null;let S=N.ori==0?ae:B,$=N.ori==1?ae:B;if(Ae<0||Ze==0||_){p=W.idx=null;for(let T=0;T<k.length;T++){let M=Ct[T];M!=null&&jt(M,-10,-10,ae,B)}qn&&Wt(null,Qn,!0,l==null&&Ue.setSeries),ie.live&&(Y.fill(p),It=!0)}else{let T,M,U;i==1&&(T=N.ori==0?Ae:De,M=zt(T,x),p=W.idx=Ot(M,t[0],Ke,Ge),U=L(t[0][p],N,S,0));let q=-10,F=-10,le=0,me=0,de=!0,ce="",ne="";for(let J=i==2?1:0;J<k.length;J++){let Ce=k[J],Ne=Y[J],Qe=Ne==null?null:i==1?t[J][Ne]:t[J][1][Ne],_e=W.dataIdx(n,J,p,M),Me=_e==null?null:i==1?t[J][_e]:t[J][1][_e];if(It=It||Me!=Qe||_e!=Ne,Y[J]=_e,J>0&&Ce.show){let pt=_e==null?-10:_e==p?U:L(i==1?t[0][_e]:t[J][0][_e],N,S,0),it=Me==null?-10:j(Me,i==1?C[Ce.scale]:C[Ce.facets[1].scale],$,0);if(qn&&Me!=null){let $t=N.ori==1?Ae:De,Mt=Ve(Vt.dist(n,J,_e,it,$t));if(Mt<Zt){let Kt=Vt.bias;if(Kt!=0){let gt=zt($t,Ce.scale),Et=Me>=0?1:-1,Pt=gt>=0?1:-1;Pt==Et&&(Pt==1?Kt==1?Me>=gt:Me<=gt:Kt==1?Me<=gt:Me>=gt)&&(Zt=Mt,sn=J)}else Zt=Mt,sn=J}}if(It||Bn){let $t,Mt;N.ori==0?($t=pt,Mt=it):($t=it,Mt=pt);let Kt,gt,Et,Pt,Gt,lt,yt=!0,bn=tt.bbox;if(bn!=null){yt=!1;let st=bn(n,J);Et=st.left,Pt=st.top,Kt=st.width,gt=st.height}else Et=$t,Pt=Mt,Kt=gt=tt.size(n,J);if(lt=tt.fill(n,J),Gt=tt.stroke(n,J),Bn)J==sn&&Zt<=Vt.prox&&(q=Et,F=Pt,le=Kt,me=gt,de=yt,ce=lt,ne=Gt);else{let st=Ct[J];st!=null&&(Fn[J]=Et,Hn[J]=Pt,Ol(st,Kt,gt,yt),Pl(st,lt,Gt),jt(st,Dt(Et),Dt(Pt),ae,B))}}}}if(Bn){let J=Vt.prox,Ce=vn==null?Zt<=J:Zt>J||sn!=vn;if(It||Ce){let Ne=Ct[0];Ne!=null&&(Fn[0]=q,Hn[0]=F,Ol(Ne,le,me,de),Pl(Ne,ce,ne),jt(Ne,Dt(q),Dt(F),ae,B))}}}if(Ie.show&&on)if(l!=null){let[T,M]=Ue.scales,[U,q]=Ue.match,[F,le]=l.cursor.sync.scales,me=l.cursor.drag;if(je=me._x,Ye=me._y,je||Ye){let{left:de,top:ce,width:ne,height:J}=l.select,Ce=l.scales[F].ori,Ne=l.posToVal,Qe,_e,Me,pt,it,$t=T!=null&&U(T,F),Mt=M!=null&&q(M,le);$t&&je?(Ce==0?(Qe=de,_e=ne):(Qe=ce,_e=J),Me=C[T],pt=L(Ne(Qe,F),Me,S,0),it=L(Ne(Qe+_e,F),Me,S,0),pr(Ut(pt,it),Ve(it-pt))):pr(0,S),Mt&&Ye?(Ce==1?(Qe=de,_e=ne):(Qe=ce,_e=J),Me=C[M],pt=j(Ne(Qe,le),Me,$,0),it=j(Ne(Qe+_e,le),Me,$,0),gr(Ut(pt,it),Ve(it-pt))):gr(0,$)}else Oo()}else{let T=Ve(Gi-zi),M=Ve(ji-Ki);if(N.ori==1){let le=T;T=M,M=le}je=Xe.x&&T>=Xe.dist,Ye=Xe.y&&M>=Xe.dist;let U=Xe.uni;U!=null?je&&Ye&&(je=T>=U,Ye=M>=U,!je&&!Ye&&(M>T?Ye=!0:je=!0)):Xe.x&&Xe.y&&(je||Ye)&&(je=Ye=!0);let q,F;je&&(N.ori==0?(q=jn,F=Ae):(q=Yn,F=De),pr(Ut(q,F),Ve(F-q)),Ye||gr(0,$)),Ye&&(N.ori==1?(q=jn,F=Ae):(q=Yn,F=De),gr(Ut(q,F),Ve(F-q)),je||pr(0,S)),!je&&!Ye&&(pr(0,0),gr(0,0))}if(Xe._x=je,Xe._y=Ye,l==null){if(h){if(sl!=null){let[T,M]=Ue.scales;Ue.values[0]=T!=null?zt(N.ori==0?Ae:De,T):null,Ue.values[1]=M!=null?zt(N.ori==1?Ae:De,M):null}_r(Wo,n,Ae,De,ae,B,p)}if(qn){let T=h&&Ue.setSeries,M=Vt.prox;vn==null?Zt<=M&&Wt(sn,Qn,!0,T):Zt>M?Wt(null,Qn,!0,T):sn!=vn&&Wt(sn,Qn,!0,T)}}It&&(ie.idx=p,Mo()),a!==!1&&Je("setCursor")}let an=null;Object.defineProperty(n,"rect",{get(){return an==null&&yr(!1),an}});function yr(l=!1){l?an=null:(an=b.getBoundingClientRect(),Je("syncRect",an))}function Qi(l,a,h,p,_,S,$){W._lock||on&&l!=null&&l.movementX==0&&l.movementY==0||(Po(l,a,h,p,_,S,$,!1,l!=null),l!=null?wn(null,!0,!0):wn(a,!0,!1))}function Po(l,a,h,p,_,S,$,T,M){if(an==null&&yr(!1),yn(l),l!=null)h=l.clientX-an.left,p=l.clientY-an.top;else{if(h<0||p<0){Ae=-10,De=-10;return}let[U,q]=Ue.scales,F=a.cursor.sync,[le,me]=F.values,[de,ce]=F.scales,[ne,J]=Ue.match,Ce=a.axes[0].side%2==1,Ne=N.ori==0?ae:B,Qe=N.ori==1?ae:B,_e=Ce?S:_,Me=Ce?_:S,pt=Ce?p:h,it=Ce?h:p;if(de!=null?h=ne(U,de)?f(le,C[U],Ne,0):-10:h=Ne*(pt/_e),ce!=null?p=J(q,ce)?f(me,C[q],Qe,0):-10:p=Qe*(it/Me),N.ori==1){let $t=h;h=p,p=$t}}M&&(a==null||a.cursor.event.type==Wo)&&((h<=1||h>=ae-1)&&(h=An(h,ae)),(p<=1||p>=B-1)&&(p=An(p,B))),T?(zi=h,Ki=p,[jn,Yn]=W.move(n,h,p)):(Ae=h,De=p)}const Lo={width:0,height:0,left:0,top:0};function Oo(){Ur(Lo,!1)}let Zi,Xi,el,tl;function nl(l,a,h,p,_,S,$){on=!0,je=Ye=Xe._x=Xe._y=!1,Po(l,a,h,p,_,S,$,!0,!1),l!=null&&(ot(zo,ri,rl,!1),_r(El,n,jn,Yn,ae,B,null));let{left:T,top:M,width:U,height:q}=Ie;Zi=T,Xi=M,el=U,tl=q}function rl(l,a,h,p,_,S,$){on=Xe._x=Xe._y=!1,Po(l,a,h,p,_,S,$,!1,!0);let{left:T,top:M,width:U,height:q}=Ie,F=U>0||q>0,le=Zi!=T||Xi!=M||el!=U||tl!=q;if(F&&le&&Ur(Ie),Xe.setScale&&F&&le){let me=T,de=U,ce=M,ne=q;if(N.ori==1&&(me=M,de=q,ce=T,ne=U),je&&ln(x,zt(me,x),zt(me+de,x)),Ye)for(let J in C){let Ce=C[J];J!=x&&Ce.from==null&&Ce.min!=ve&&ln(J,zt(ce+ne,J),zt(ce,J))}Oo()}else W.lock&&(W._lock=!W._lock,wn(a,!0,l!=null));l!=null&&(Ln(zo,ri),_r(zo,n,Ae,De,ae,B,null))}function nc(l,a,h,p,_,S,$){if(W._lock)return;yn(l);let T=on;if(on){let M=!0,U=!0,q=10,F,le;N.ori==0?(F=je,le=Ye):(F=Ye,le=je),F&&le&&(M=Ae<=q||Ae>=ae-q,U=De<=q||De>=B-q),F&&M&&(Ae=Ae<jn?0:ae),le&&U&&(De=De<Yn?0:B),wn(null,!0,!0),on=!1}Ae=-10,De=-10,Y.fill(null),wn(null,!0,!0),T&&(on=T)}function ol(l,a,h,p,_,S,$){W._lock||(yn(l),vo(),Oo(),l!=null&&_r(Rl,n,Ae,De,ae,B,null))}function il(){E.forEach(yh),_o(n.width,n.height,!0)}En(ro,rr,il);const Zn={};Zn.mousedown=nl,Zn.mousemove=Qi,Zn.mouseup=rl,Zn.dblclick=ol,Zn.setSeries=(l,a,h,p)=>{let _=Ue.match[2];h=_(n,a,h),h!=-1&&Wt(h,p,!0,!1)},xe&&(ot(El,b,nl),ot(Wo,b,Qi),ot(Tl,b,l=>{yn(l),yr(!1)}),ot(Dl,b,nc),ot(Rl,b,ol),di.add(n),n.syncRect=yr);const qr=n.hooks=e.hooks||{};function Je(l,a,h){Do?mr.push([l,a,h]):l in qr&&qr[l].forEach(p=>{p.call(null,n,a,h)})}(e.plugins||[]).forEach(l=>{for(let a in l.hooks)qr[a]=(qr[a]||[]).concat(l.hooks[a])});const ll=(l,a,h)=>h,Ue=Be({key:null,setSeries:!1,filters:{pub:Hl,sub:Hl},scales:[x,k[1]?k[1].scale:null],match:[Vl,Vl,ll],values:[null,null]},W.sync);Ue.match.length==2&&Ue.match.push(ll),W.sync=Ue;const sl=Ue.key,Uo=ua(sl);function _r(l,a,h,p,_,S,$){Ue.filters.pub(l,a,h,p,_,S,$)&&Uo.pub(l,a,h,p,_,S,$)}Uo.sub(n);function rc(l,a,h,p,_,S,$){Ue.filters.sub(l,a,h,p,_,S,$)&&Zn[l](null,a,h,p,_,S,$)}n.pub=rc;function oc(){Uo.unsub(n),di.delete(n),fn.clear(),li(ro,rr,il),d.remove(),te==null||te.remove(),Je("destroy")}n.destroy=oc;function qo(){Je("init",e,t),Oi(t||e.data,!1),D[x]?Ro(x,D[x]):vo(),xr=Ie.show&&(Ie.width>0||Ie.height>0),gn=It=!0,_o(e.width,e.height)}return k.forEach(Pi),E.forEach(La),r?r instanceof HTMLElement?(r.appendChild(d),qo()):r(n,qo):qo(),n}nt.assign=Be;nt.fmtNum=Ai;nt.rangeNum=oo;nt.rangeLog=co;nt.rangeAsinh=Si;nt.orient=Nn;nt.pxRatio=pe;nt.join=af;nt.fmtDate=Ci,nt.tzDate=vf;nt.sync=ua;{nt.addGap=th,nt.clipGaps=ho;let e=nt.paths={points:ga};e.linear=_a,e.stepped=oh,e.bars=ih,e.spline=sh}const _h=X(`
  query Usage($filter: UsageFilter!, $month: UsageFilter!, $groupBy: [UsageDimension!], $granularity: Granularity) {
    usage(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
      currency totalCost costBasis inputTokens outputTokens requests
      series { bucketStart provider model project apiKey connectionId cost costBasis connection { label } }
    }
    month: usage(filter: $month, granularity: MONTH) { currency totalCost costBasis }
    connections { id provider label status lastSyncedAt lastError }
  }
`),vh=X(`
  query Revisions($filter: UsageFilter!) {
    usageRevisions(filter: $filter, first: 10) {
      edges { node { id kind bucketStart provider model project lineItem currency costDelta revisedAt } }
    }
  }
`),wh=X(`
  subscription UsageUpdated { usageUpdated { connectionId rowsChanged } }
`),bh=X(`
  subscription SyncStatusLive { syncStatus { connectionId status rowsChanged error } }
`),ds=864e5,zr=["#2563eb","#d97706","#059669","#db2777","#7c3aed","#0891b2","#65a30d","#dc2626","#6b7280"],Kr=[["PROVIDER","Provider"],["MODEL","Model"],["PROJECT","Project"],["API_KEY","API key"],["CONNECTION","Connection"]],Sh=[["HOUR","Hour"],["DAY","Day"],["WEEK","Week"],["MONTH","Month"]],kh=[["ALL","All providers"],["OPENAI","OpenAI"],["ANTHROPIC","Anthropic"],["OPENROUTER","OpenRouter"]],Sa={OPENAI:"OpenAI",ANTHROPIC:"Anthropic",OPENROUTER:"OpenRouter"},fs={REPORTED:"reported by the provider",ESTIMATED:"estimated from list prices",MIXED:"partly estimated",NONE:"no cost data"};function ka(e){return e.toISOString().slice(0,10)}function Aa(e,t){var r;switch(t){case"PROVIDER":return e.provider?Sa[e.provider]:"unknown";case"MODEL":return e.model??"(no model)";case"PROJECT":return e.project??"(no project)";case"API_KEY":return e.apiKey??"(no key)";case"CONNECTION":return((r=e.connection)==null?void 0:r.label)??e.connectionId??"unknown"}}function Ia(e,t,r){const n=new Map;for(const i of e){const s=Aa(i,t),c=n.get(s)??{total:0,first:0,second:0,basis:new Set},f=Number(i.cost);c.total+=f,Date.parse(i.bucketStart)<r?c.first+=f:c.second+=f,c.basis.add(i.costBasis),n.set(s,c)}return[...n.entries()].sort((i,s)=>s[1].total-i[1].total)}function Ah(e){const t=yc(null);return ht(()=>{var y;const r=t.current;if(!r||e.series.length===0)return;const n=Ia(e.series,e.dim,0).map(([b])=>b),i=n.slice(0,8),s=n.length>8?[...i,"other"]:i,c=[...new Set(e.series.map(b=>Date.parse(b.bucketStart)/1e3))].sort((b,w)=>b-w),f=new Map(c.map((b,w)=>[b,w])),g=s.map(()=>new Array(c.length).fill(0));for(const b of e.series){const w=Aa(b,e.dim),A=i.includes(w)?i.indexOf(w):s.length-1;g[A][f.get(Date.parse(b.bucketStart)/1e3)]+=Number(b.cost)}const d=g.map((b,w)=>c.map((A,I)=>g.slice(w).reduce((k,E)=>k+E[I],0))),v=b=>Rt(b,e.currency),m=new nt({width:r.clientWidth||600,height:280,scales:{x:{time:!0},y:{range:(b,w,A)=>[0,A>0?A*1.05:1]}},axes:[{stroke:"currentColor"},{stroke:"currentColor",values:(b,w)=>w.map(v),size:70}],series:[{},...s.map((b,w)=>({label:b,stroke:zr[w%zr.length],fill:zr[w%zr.length]+"cc",width:1,value:(A,I,k,E)=>E==null?"—":v(g[w][E])}))]},[c,...d],r);(y=document.body.dataset).chartPaint??(y.chartPaint=String(Math.round(performance.now())));const u=new ResizeObserver(()=>m.setSize({width:r.clientWidth,height:280}));return u.observe(r),()=>{u.disconnect(),m.destroy()}},[e.series,e.dim,e.currency]),o("div",{class:"chart",ref:t,role:"img","aria-label":"Stacked spend over time; the table below lists the same figures."})}function Ih(e){const[t,r]=O(null);return ht(()=>{he(vh,{filter:{from:e.from.toISOString(),to:e.to.toISOString()}}).then(n=>r(n.usageRevisions.edges.map(i=>i.node)),()=>r(null))},[e.from,e.to,e.version]),!t||t.length===0?null:o("section",{"aria-labelledby":"revisions",children:[o("h2",{id:"revisions",children:"Revised by the provider"}),o("ul",{class:"movers","data-testid":"revisions",children:t.map(n=>o("li",{children:[o("strong",{children:Sa[n.provider]})," ",n.model??n.lineItem??n.project??"",", ",ka(new Date(n.bucketStart)),":"," ",n.kind==="ADDED"?"added":n.kind==="REMOVED"?"removed":"changed"," ",Number(n.costDelta)>=0?"+":"−",Rt(Math.abs(Number(n.costDelta)),n.currency)," ",o("span",{class:"muted",children:["(revised ",Oe(n.revisedAt),")"]})]},n.id))})]})}function Ch(e){var N;const[t,r]=O(e.days&&e.days>0?e.days:30),[n,i]=O(((N=Kr.find(([P])=>P===e.group))==null?void 0:N[0])??"PROVIDER"),[s,c]=O("DAY"),[f,g]=O("ALL"),[d,v]=O(null),[m,u]=O(null),[y,b]=O(null),w=Es(()=>{const P=new Date(Date.UTC(new Date().getUTCFullYear(),new Date().getUTCMonth(),new Date().getUTCDate()+1));return{from:new Date(P.getTime()-t*ds),to:P}},[t]),A=async()=>{const P=new Date,L=new Date(Date.UTC(P.getUTCFullYear(),P.getUTCMonth(),1));try{const j=await he(_h,{filter:{from:w.from.toISOString(),to:w.to.toISOString(),providers:f==="ALL"?null:[f]},month:{from:L.toISOString(),to:w.to.toISOString(),providers:f==="ALL"?null:[f]},groupBy:[n],granularity:s});v(j),u(null)}catch(j){u(xn(j))}};ht(()=>{A()},[w,n,s,f]);const I=(d==null?void 0:d.connections.some(P=>!P.lastSyncedAt&&!P.lastError))??!1;ht(()=>{const P=ni(wh,D=>{b(`New usage synced (${D.usageUpdated.rowsChanged} rows); updated ${new Date().toLocaleTimeString()}.`),A()}),L=ni(bh,()=>void A()),j=setInterval(()=>void A(),I?1e4:6e4);return()=>{P==null||P(),L==null||L(),clearInterval(j)}},[w,n,s,f,I]);const k=(w.from.getTime()+w.to.getTime())/2,E=d?Ia(d.usage.series,n,k):[],C=E.filter(([,P])=>P.second!==P.first).sort((P,L)=>Math.abs(L[1].second-L[1].first)-Math.abs(P[1].second-P[1].first)).slice(0,3),z=(d==null?void 0:d.usage.currency)??"USD",x=new Date,Q=new Date(Date.UTC(x.getUTCFullYear(),x.getUTCMonth()+1,0)).getUTCDate(),V=(x.getTime()-Date.UTC(x.getUTCFullYear(),x.getUTCMonth(),1))/ds,G=d?Number(d.month.totalCost)/Math.max(V,1/24)*Q:0,H=async()=>{const P=new URLSearchParams({from:w.from.toISOString(),to:w.to.toISOString(),granularity:s,groupBy:n});f!=="ALL"&&P.set("providers",f);try{const L=await fetch(`${Sc}?${P}`,{credentials:"same-origin",headers:xs()});if(!L.ok)throw new Error;const j=URL.createObjectURL(await L.blob()),D=document.createElement("a");D.href=j,D.download=`meterwise-usage-${ka(w.from)}.csv`,D.click(),setTimeout(()=>URL.revokeObjectURL(j),1e3)}catch{u("The export failed; try again.")}};return o(Bt,{title:"Spend",actions:o("button",{type:"button",class:"secondary",onClick:()=>void H(),children:"Export CSV"}),children:[o("form",{class:"filters","aria-label":"Filters",onSubmit:P=>P.preventDefault(),children:[o(Yt,{label:"Range",name:"range",value:String(t),options:[["7","Last 7 days"],["30","Last 30 days"],["90","Last 90 days"],["365","Last 12 months"],...[7,30,90,365].includes(t)?[]:[[String(t),`Last ${t} days`]]],onChange:P=>r(Number(P))}),o(Yt,{label:"Granularity",name:"granularity",value:s,options:Sh,onChange:c}),o(Yt,{label:"Group by",name:"groupBy",value:n,options:Kr,onChange:i}),o(Yt,{label:"Provider",name:"provider",value:f,options:kh,onChange:g})]}),o(Ee,{error:m}),o("p",{class:"live",role:"status","aria-live":"polite",children:y??"Live updates on."}),d?d.connections.length===0?o("div",{class:"empty",children:[o("h2",{children:"No usage yet"}),o("p",{children:"Connect a provider account and your first sync backfills the last 30 days."}),o("a",{class:"button",href:"#/connections",children:"Connect a provider"})]}):o(ft,{children:[I&&o("div",{class:"progress",role:"status",children:[o("label",{for:"backfill",children:"First sync running: backfilling the last 30 days…"}),o("progress",{id:"backfill"})]}),o("dl",{class:"totals",children:[o("div",{children:[o("dt",{children:"Spend in range"}),o("dd",{"data-testid":"total-cost","data-value":d.usage.totalCost,children:Rt(d.usage.totalCost,z)}),o("dd",{class:"basis",children:fs[d.usage.costBasis]})]}),o("div",{children:[o("dt",{children:"This month"}),o("dd",{"data-testid":"month-cost",children:Rt(d.month.totalCost,z)}),o("dd",{class:"basis",children:["forecast ",Rt(G,z)," (linear)"]})]}),o("div",{children:[o("dt",{children:"Requests"}),o("dd",{"data-testid":"requests",children:Math.round(d.usage.requests).toLocaleString()})]}),o("div",{children:[o("dt",{children:"Tokens in / out"}),o("dd",{children:[Math.round(d.usage.inputTokens).toLocaleString()," / ",Math.round(d.usage.outputTokens).toLocaleString()]})]})]}),d.usage.series.length===0?o("div",{class:"empty",children:[o("h2",{children:"No usage in this range"}),o("p",{children:I?"Your first sync is still running; figures appear as soon as it lands.":"Try a longer range or another provider."})]}):o(ft,{children:[o(Ah,{series:d.usage.series,dim:n,currency:z}),C.length>0&&o("section",{"aria-labelledby":"movers",children:[o("h2",{id:"movers",children:"Top movers"}),o("ul",{class:"movers",children:C.map(([P,L])=>o("li",{children:[o("strong",{children:P})," ",L.second>=L.first?"up":"down"," ",Rt(Math.abs(L.second-L.first),z)," vs the first half of the range"]},P))})]}),o(Ih,{from:w.from,to:w.to,version:d}),o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:["Spend by ",Kr.find(([P])=>P===n)[1].toLowerCase()]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:Kr.find(([P])=>P===n)[1]}),o("th",{scope:"col",children:"Spend"}),o("th",{scope:"col",children:"Cost source"})]})}),o("tbody",{children:E.map(([P,L])=>o("tr",{children:[o("td",{children:P}),o("td",{children:Rt(L.total,z)}),o("td",{children:L.basis.size===1?fs[[...L.basis][0]]:"partly estimated"})]},P))})]})})]}),o("p",{class:"hint",children:["Connections: ",d.connections.map(P=>`${P.label} (last sync ${Oe(P.lastSyncedAt)})`).join(", ")]})]}):o("p",{role:"status",children:"Loading spend…"})]})}const $h=X("query Members { members { id email role mfaEnabled joinedAt lastActiveAt } }"),Eh=X(`
  mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { code invite { expiresAt } errors { code message } } }
`),Th=X("query Invites { invites { id role maxUses usesLeft expiresAt createdByEmail } }"),Dh=X("mutation RevokeInvite($id: ID!) { revokeInvite(id: $id) { invite { id } errors { code message } } }"),Rh=X(`
  mutation ChangeRole($memberId: ID!, $role: Role!) { changeMemberRole(memberId: $memberId, role: $role) { member { id role } errors { code message } } }
`),xh=X("mutation RemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { ok errors { code message } } }"),Nh=X("query Tokens { apiTokens { id name scope ownerEmail createdAt expiresAt lastUsedAt active } }"),Mh=X(`
  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token errors { code message } } }
`),Ph=X("mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"),Lh=X("query Sessions { sessions { id email ip userAgent createdAt lastSeenAt current } }"),Oh=X("mutation RevokeSession($id: ID!) { revokeSession(id: $id) { ok errors { code message } } }"),hs=[["OWNER","Owner"],["ADMIN","Admin"],["MEMBER","Member"],["VIEWER","Viewer"]];function Uh(e){var y,b;const t=Dn(()=>he($h,{}).then(w=>w.members)),r=Dn(()=>qt(e.account)?he(Th,{}).then(w=>w.invites):Promise.resolve([])),[n,i]=O("MEMBER"),[s,c]=O("1"),[f,g]=O(null),{busy:d,error:v,run:m}=et(),u=((y=e.account)==null?void 0:y.role)==="OWNER";return o(Bt,{title:"Members",children:[o(Ee,{error:t.error??v}),t.items===null?o("p",{role:"status",children:"Loading…"}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:["People in ",((b=e.account)==null?void 0:b.name)??"this account"]}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Email"}),o("th",{scope:"col",children:"Role"}),o("th",{scope:"col",children:"Two-factor"}),o("th",{scope:"col",children:"Last active"}),qt(e.account)&&o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:t.items.map(w=>o("tr",{children:[o("td",{children:w.email}),o("td",{children:u?o("select",{"aria-label":`Role of ${w.email}`,value:w.role,disabled:d,onChange:A=>void m(async()=>{const I=await We(Rh,{memberId:w.id,role:A.target.value},k=>k.changeMemberRole.errors);return await t.reload(),ye(I.changeMemberRole.errors)}),children:hs.map(([A,I])=>o("option",{value:A,children:I},A))}):w.role.toLowerCase()}),o("td",{children:w.mfaEnabled?"on":"off"}),o("td",{children:Oe(w.lastActiveAt)}),qt(e.account)&&o("td",{children:o("button",{type:"button",class:"danger small",disabled:d,onClick:()=>void m(async()=>{if(!confirm(`Remove ${w.email} from the account?`))return null;const A=await We(xh,{memberId:w.id},I=>I.removeMember.errors);return await t.reload(),ye(A.removeMember.errors)}),children:"Remove"})})]},w.id))})]})}),qt(e.account)&&o("section",{class:"card","aria-labelledby":"invite-title",children:[o("h2",{id:"invite-title",children:"Invite someone"}),o("form",{onSubmit:w=>{w.preventDefault(),m(async()=>{const A=await We(Eh,{input:{role:n,uses:Number(s)||1}},I=>I.inviteMember.errors);return A.inviteMember.errors.length?ye(A.inviteMember.errors):(g(A.inviteMember.code??null),await r.reload(),null)})},children:[o(Yt,{label:"Role",name:"inviteRole",value:n,options:hs.filter(([w])=>w!=="OWNER"),onChange:i}),o(be,{label:"Uses",name:"uses",type:"number",value:s,onInput:c}),o("button",{type:"submit",disabled:d,children:"Create invite"})]}),f&&o("p",{role:"status",children:["Invite code (shown once): ",o("code",{"data-testid":"invite-code",children:f}),". They sign up at ",o("code",{children:[location.origin,"/#/signup?invite=",f]})]}),o(Ee,{error:r.error}),r.items!==null&&(r.items.length===0?o("p",{class:"empty",children:"No open invites."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Open invites"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Role"}),o("th",{scope:"col",children:"Uses left"}),o("th",{scope:"col",children:"Expires"}),o("th",{scope:"col",children:"Created by"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:r.items.map(w=>{var A,I;return o("tr",{children:[o("td",{children:((A=w.role)==null?void 0:A.toLowerCase())??"new account"}),o("td",{children:[w.usesLeft," of ",w.maxUses]}),o("td",{children:Oe(w.expiresAt)}),o("td",{children:w.createdByEmail??"unknown"}),o("td",{children:o("button",{type:"button",class:"danger small",disabled:d,"aria-label":`Revoke the ${((I=w.role)==null?void 0:I.toLowerCase())??""} invite expiring ${Oe(w.expiresAt)}`,onClick:()=>void m(async()=>{const k=await We(Dh,{id:w.id},E=>E.revokeInvite.errors);return await r.reload(),ye(k.revokeInvite.errors)}),children:"Revoke"})})]},w.id)})})]})}))]})]})}function qh(){const e=Dn(()=>he(Nh,{}).then(u=>u.apiTokens)),[t,r]=O(""),[n,i]=O("READ_USAGE"),[s,c]=O("90"),[f,g]=O(null),{busy:d,error:v,run:m}=et();return o(Bt,{title:"API tokens",children:[o(Ee,{error:e.error??v}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No API tokens yet."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Tokens for programs and dashboards"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Scope"}),o("th",{scope:"col",children:"Expires"}),o("th",{scope:"col",children:"Last used"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(u=>o("tr",{children:[o("td",{children:u.name}),o("td",{children:u.scope==="FULL"?"full":"read usage"}),o("td",{children:Oe(u.expiresAt)}),o("td",{children:Oe(u.lastUsedAt)}),o("td",{children:u.active?o("button",{type:"button",class:"danger small",disabled:d,onClick:()=>void m(async()=>{const y=await he(Ph,{id:u.id});return await e.reload(),ye(y.revokeApiToken.errors)}),children:"Revoke"}):"revoked"})]},u.id))})]})}),o("section",{class:"card","aria-labelledby":"new-token",children:[o("h2",{id:"new-token",children:"New token"}),o("form",{onSubmit:u=>{u.preventDefault(),m(async()=>{const y=await We(Mh,{input:{name:t,scope:n,expiresInDays:Number(s)||90}},b=>b.createApiToken.errors);return y.createApiToken.errors.length?ye(y.createApiToken.errors):(g(y.createApiToken.token??null),r(""),await e.reload(),null)})},children:[o(be,{label:"Name",name:"tokenName",value:t,onInput:r,required:!0}),o(Yt,{label:"Scope",name:"scope",value:n,options:[["READ_USAGE","Read usage only"],["FULL","Full access"]],onChange:i}),o(be,{label:"Expires in (days)",name:"expiresInDays",type:"number",value:s,onInput:c}),o("button",{type:"submit",disabled:d,children:"Create token"})]}),f&&o("p",{role:"status",children:["Copy it now, it is not shown again: ",o("code",{children:f})]})]})]})}function Bh(){const e=Dn(()=>he(Lh,{}).then(i=>i.sessions)),{busy:t,error:r,run:n}=et();return o(Bt,{title:"Sessions",children:[o(Ee,{error:e.error??r}),e.items===null?o("p",{role:"status",children:"Loading…"}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Where you are signed in"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Device"}),o("th",{scope:"col",children:"IP"}),o("th",{scope:"col",children:"Last seen"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.items.map(i=>o("tr",{children:[o("td",{children:i.userAgent.slice(0,80)||"unknown"}),o("td",{children:i.ip}),o("td",{children:Oe(i.lastSeenAt)}),o("td",{children:i.current?"this session":o("button",{type:"button",class:"danger small",disabled:t,onClick:()=>void n(async()=>{const s=await he(Oh,{id:i.id});return await e.reload(),ye(s.revokeSession.errors)}),children:"Revoke"})})]},i.id))})]})})]})}const Fh=X(`
  query Audit($after: String) {
    auditLog(first: 50, after: $after) {
      edges { node { id seq action actorEmail target ip occurredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`),Hh=X(`
  query SecurityEvents($after: String) {
    securityEvents(first: 50, after: $after) {
      edges { node { id kind severity details createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);function Ca(e){const[t,r]=O(null),[n,i]=O(null),[s,c]=O(!1),[f,g]=O(null),d=v=>e(v).then(m=>{r(u=>[...v?u??[]:[],...m.edges.map(y=>y.node)]),i(m.pageInfo.endCursor??null),c(m.pageInfo.hasNextPage)},m=>g(xn(m)));return ht(()=>{d(null)},[]),{items:t,error:f,more:s,loadMore:()=>void d(n)}}function Vh(){const e=Ca(t=>he(Fh,{after:t}).then(r=>r.auditLog));return o(Bt,{title:"Audit log",children:[o(Ee,{error:e.error}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"Nothing recorded yet."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Every change to the account, hash-chained"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"#"}),o("th",{scope:"col",children:"When"}),o("th",{scope:"col",children:"Who"}),o("th",{scope:"col",children:"Action"}),o("th",{scope:"col",children:"Target"}),o("th",{scope:"col",children:"IP"})]})}),o("tbody",{children:e.items.map(t=>o("tr",{children:[o("td",{children:t.seq}),o("td",{children:Oe(t.occurredAt)}),o("td",{children:t.actorEmail??"system"}),o("td",{children:t.action}),o("td",{children:t.target??""}),o("td",{children:t.ip??""})]},t.id))})]})}),e.more&&o("button",{type:"button",class:"secondary",onClick:e.loadMore,children:"Load more"})]})}function Wh(){const e=Ca(t=>he(Hh,{after:t}).then(r=>r.securityEvents));return o(Bt,{title:"Security events",children:[o(Ee,{error:e.error}),e.items===null?o("p",{role:"status",children:"Loading…"}):e.items.length===0?o("p",{class:"empty",children:"No security events. Sign-in failures, rate limiting and unusual access show up here."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Suspicious or notable activity"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"When"}),o("th",{scope:"col",children:"Severity"}),o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Details"})]})}),o("tbody",{children:e.items.map(t=>o("tr",{children:[o("td",{children:Oe(t.createdAt)}),o("td",{children:o("span",{class:`sev ${t.severity.toLowerCase()}`,children:t.severity.toLowerCase()})}),o("td",{children:t.kind.toLowerCase().replace(/_/g," ")}),o("td",{children:o("code",{class:"details",children:JSON.stringify(t.details)})})]},t.id))})]})}),e.more&&o("button",{type:"button",class:"secondary",onClick:e.loadMore,children:"Load more"})]})}const zh=X(`
  query AccessReview { accessReview { id trigger createdAt completedAt completedBy openFindings
    findings { id kind subjectId summary since open } } }
`),Kh=X("mutation RunAccessReview { runAccessReview { review { id } errors { code message } } }"),Gh=X(`
  mutation CompleteAccessReview($id: ID!, $note: String) { completeAccessReview(id: $id, note: $note) { review { id } errors { code message } } }
`),jh=X("query ThirdParties { thirdParties { kind id name destination addedAt lastUsedAt status } }"),Yh=X("mutation ReviewRevokeToken($id: ID!) { revokeApiToken(id: $id) { errors { code message } } }"),Jh=X("mutation ReviewRevokeInvite($id: ID!) { revokeInvite(id: $id) { errors { code message } } }"),Qh=X("mutation ReviewRemoveMember($memberId: ID!) { removeMember(memberId: $memberId) { errors { code message } } }"),Zh={INACTIVE_MEMBER:"Inactive member",UNUSED_API_TOKEN:"Unused API token",PENDING_INVITE:"Pending invite",EXCESS_OWNERS:"More owners than needed",STALE_PROVIDER_KEY:"Provider key due for rotation",FAILING_CONNECTION:"Connection failing",IDLE_CONNECTION:"Connection idle"},Xh={PROVIDER:"Provider",WEBHOOK:"Webhook",SLACK:"Slack",EMAIL:"E-mail"};function em(e){if(!e.open)return null;const t=e.subjectId??"";switch(e.kind){case"UNUSED_API_TOKEN":return{label:"Revoke token",run:async()=>ye((await he(Yh,{id:t})).revokeApiToken.errors)};case"PENDING_INVITE":return{label:"Revoke invite",run:async()=>ye((await he(Jh,{id:t})).revokeInvite.errors)};case"INACTIVE_MEMBER":return{label:"Remove member",run:async()=>confirm("Remove this member from the account?")?ye((await We(Qh,{memberId:t},r=>r.removeMember.errors)).removeMember.errors):null};case"STALE_PROVIDER_KEY":return{label:"Replace key",href:"#/connections"};case"FAILING_CONNECTION":case"IDLE_CONNECTION":return{label:"Open connections",href:"#/connections"};case"EXCESS_OWNERS":return{label:"Open members",href:"#/members"};default:return null}}function tm(){const[e,t]=O(void 0),[r,n]=O(""),[i,s]=O(null),{busy:c,error:f,run:g}=et(),d=Dn(()=>he(jh,{}).then(m=>m.thirdParties)),v=()=>he(zh,{}).then(m=>t(m.accessReview));return ht(()=>{g(v)},[]),o(Bt,{title:"Access review",actions:o("button",{type:"button",class:"secondary",disabled:c,onClick:()=>void g(async()=>{const m=await he(Kh,{});return await v(),s("A new review ran."),ye(m.runAccessReview.errors)}),children:"Review now"}),children:[o(Ee,{error:f,notice:i}),e===void 0?o("p",{role:"status",children:"Loading…"}):e===null?o("p",{class:"empty",children:"No review yet: the first one runs on schedule, or review now."}):o(ft,{children:[o("p",{"data-testid":"review-summary",children:["Review of ",Oe(e.createdAt)," (",e.trigger,"): ",e.openFindings," of ",e.findings.length," finding(s) open.",e.completedAt&&o(ft,{children:[" Completed ",Oe(e.completedAt)," by ",e.completedBy??"a former member","."]})]}),e.findings.length===0?o("p",{class:"empty",children:"Nothing to act on."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Findings"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Finding"}),o("th",{scope:"col",children:"Details"}),o("th",{scope:"col",children:"Since"}),o("th",{scope:"col",children:"State"}),o("th",{scope:"col",children:o("span",{class:"sr-only",children:"Actions"})})]})}),o("tbody",{children:e.findings.map(m=>{const u=em(m);return o("tr",{"data-kind":m.kind,children:[o("td",{children:Zh[m.kind]??m.kind}),o("td",{children:m.summary}),o("td",{children:Oe(m.since)}),o("td",{children:m.open?"open":"resolved"}),o("td",{children:u!=null&&u.href?o("a",{href:u.href,children:u.label}):u!=null&&u.run?o("button",{type:"button",class:"danger small",disabled:c,"aria-label":`${u.label}: ${m.summary}`,onClick:()=>void g(async()=>{const y=await u.run();return await v(),y}),children:u.label}):null})]},m.id)})})]})}),!e.completedAt&&o("form",{class:"card",onSubmit:m=>{m.preventDefault(),g(async()=>{const u=await We(Gh,{id:e.id,note:r||null},y=>y.completeAccessReview.errors);return u.completeAccessReview.errors.length?ye(u.completeAccessReview.errors):(n(""),s("Review completed."),await v(),null)})},children:[o("h2",{children:"Complete the review"}),o(be,{label:"Note (optional)",name:"reviewNote",value:r,onInput:n}),o("button",{type:"submit",disabled:c,children:"Complete review"})]})]}),o("section",{class:"card","aria-labelledby":"third-parties",children:[o("h2",{id:"third-parties",children:"Third parties"}),o(Ee,{error:d.error}),d.items===null?o("p",{role:"status",children:"Loading…"}):d.items.length===0?o("p",{class:"empty",children:"The account shares data with no outside party."}):o("div",{class:"table-wrap",tabIndex:0,children:o("table",{children:[o("caption",{children:"Who receives this account's data"}),o("thead",{children:o("tr",{children:[o("th",{scope:"col",children:"Kind"}),o("th",{scope:"col",children:"Name"}),o("th",{scope:"col",children:"Destination"}),o("th",{scope:"col",children:"Added"}),o("th",{scope:"col",children:"Last used"})]})}),o("tbody",{children:d.items.map(m=>o("tr",{children:[o("td",{children:Xh[m.kind]??m.kind}),o("td",{children:m.name}),o("td",{children:m.destination}),o("td",{children:Oe(m.addedAt)}),o("td",{children:Oe(m.lastUsedAt)})]},m.id))})]})})]})]})}const hi="meterwise.theme";function $a(){const e=localStorage.getItem(hi);return e==="light"||e==="dark"?e:"system"}function nm(e){e==="system"?localStorage.removeItem(hi):localStorage.setItem(hi,e),Ea()}function Ea(){const e=$a();e==="system"?delete document.documentElement.dataset.theme:document.documentElement.dataset.theme=e}const rm=X(`
  mutation UpdateAccount($input: UpdateAccountSettingsInput!) {
    updateAccountSettings(input: $input) { account { id name mfaRequired } errors { code message field } }
  }
`),om=X(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { code message field } } }
`),im=X(`
  mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId errors { code message field } } }
`);function lm(e){var z,x,Q;const t=((z=e.account)==null?void 0:z.role)==="OWNER",[r,n]=O(((x=e.account)==null?void 0:x.name)??""),[i,s]=O(((Q=e.account)==null?void 0:Q.mfaRequired)??!0),[c,f]=O(""),[g,d]=O(""),[v,m]=O(""),[u,y]=O(""),[b,w]=O($a()),A=et(),I=et(),k=et(),[E,C]=O(null);return o(Bt,{title:"Settings",children:[o("section",{class:"card","aria-labelledby":"appearance",children:[o("h2",{id:"appearance",children:"Appearance"}),o(Yt,{label:"Theme",name:"theme",value:b,options:[["system","Same as my device"],["light","Light"],["dark","Dark"]],onChange:V=>{nm(V),w(V)}})]}),t&&o("section",{class:"card","aria-labelledby":"account-settings",children:[o("h2",{id:"account-settings",children:"Account"}),o(Ee,{error:A.error,notice:E}),o("form",{onSubmit:V=>{V.preventDefault(),A.run(async()=>{const G=await We(rm,{input:{name:r,mfaRequired:i}},H=>H.updateAccountSettings.errors);return G.updateAccountSettings.errors.length?ye(G.updateAccountSettings.errors):(C("Saved."),e.onChanged(),null)})},children:[o(be,{label:"Account name",name:"accountName",value:r,onInput:n,required:!0}),o("div",{class:"check",children:[o("input",{id:"mfa-required",type:"checkbox",checked:i,onChange:V=>s(V.target.checked)}),o("label",{for:"mfa-required",children:"Require two-factor authentication for every member"})]}),o("button",{type:"submit",disabled:A.busy,children:"Save"})]})]}),o("section",{class:"card","aria-labelledby":"password-title",children:[o("h2",{id:"password-title",children:"Password"}),o(Ee,{error:I.error}),o("form",{onSubmit:V=>{V.preventDefault(),I.run(async()=>{const G=await he(om,{input:{currentPassword:c,newPassword:g}});return G.changePassword.errors.length?ye(G.changePassword.errors):(f(""),d(""),C("Password changed."),null)})},children:[o(be,{label:"Current password",name:"currentPassword",type:"password",value:c,onInput:f,autocomplete:"current-password",required:!0}),o(be,{label:"New password",name:"newPassword",type:"password",value:g,onInput:d,autocomplete:"new-password",required:!0}),o("button",{type:"submit",disabled:I.busy,children:"Change password"})]})]}),t&&o("section",{class:"card danger-zone","aria-labelledby":"delete-title",children:[o("h2",{id:"delete-title",children:"Delete account"}),o("p",{children:"Deletes the account, its connections, usage and audit log for good."}),o(Ee,{error:k.error}),o("form",{onSubmit:V=>{V.preventDefault(),k.run(async()=>{if(!confirm("Delete this account and all its data? This cannot be undone."))return null;const G=await We(im,{input:{password:v,code:u}},H=>H.deleteAccount.errors);return G.deleteAccount.errors.length?ye(G.deleteAccount.errors):(e.onDeleted(),null)})},children:[o(be,{label:"Password",name:"deletePassword",type:"password",value:v,onInput:m,autocomplete:"current-password",required:!0}),o(be,{label:"Two-factor or recovery code",name:"deleteCode",value:u,onInput:y,required:!0}),o("button",{type:"submit",class:"danger",disabled:k.busy,children:"Delete account"})]})]})]})}const sm=X("mutation LogOut { logOut }");function ms(){const[e,t]=location.hash.replace(/^#/,"").split("?");return{path:e||"/",query:new URLSearchParams(t??"")}}const ps=[{path:"/",label:"Spend"},{path:"/connections",label:"Connections"},{path:"/budgets",label:"Budgets"},{path:"/alerts",label:"Alerts"},{path:"/members",label:"Members",admin:!0},{path:"/tokens",label:"API tokens",admin:!0},{path:"/sessions",label:"Sessions",admin:!0},{path:"/audit",label:"Audit log",admin:!0},{path:"/security",label:"Security events",admin:!0},{path:"/review",label:"Access review",admin:!0},{path:"/settings",label:"Settings"}];function am(){const[e,t]=O(ms()),[r,n]=O(void 0),[i,s]=O(null),[c,f]=O(!1),[g,d]=O(null),[v,m]=O(null),[u,y]=O(null),b=async()=>{try{const E=await Yu();n(E.me),s(E.account),f(E.needsMfa),m(null)}catch(E){m(xn(E)),n(null)}};ht(()=>{const E=()=>t(ms());addEventListener("hashchange",E);const C=Cu(()=>{$n(null),n(null),s(null),d("Your session has ended. Sign in again.")});return bl(z=>new Promise(x=>y({submit:z,resolve:x}))),b(),()=>{removeEventListener("hashchange",E),C(),bl(null)}},[]),ht(()=>{var E;(E=document.getElementById("page-title"))==null||E.focus()},[e.path]);const w=()=>{d(null),location.hash="#/",b()},A=async()=>{try{await he(sm,{})}catch{}$n(null),n(null),s(null),d("You are signed out."),location.hash="#/signin"};if(r===void 0)return o("main",{id:"main",children:o("p",{role:"status",children:"Loading…"})});if(r===null)return e.path==="/signup"?o(Lu,{invite:e.query.get("invite")??"",onDone:w}):o(Pu,{onDone:w,notice:g??v});if(c)return o(Ou,{email:r.email,onDone:w});const I=qt(i),k=(()=>{switch(e.path){case"/connections":return o(bd,{account:i});case"/budgets":return o(fd,{account:i});case"/alerts":return o(md,{account:i});case"/members":return I?o(Uh,{account:i}):null;case"/tokens":return I?o(qh,{}):null;case"/sessions":return I?o(Bh,{}):null;case"/audit":return I?o(Vh,{}):null;case"/security":return I?o(Wh,{}):null;case"/review":return I?o(tm,{}):null;case"/settings":return o(lm,{account:i,onChanged:()=>void b(),onDeleted:()=>{$n(null),n(null),d("The account was deleted.")}});default:return o(Ch,{days:Number(e.query.get("days"))||void 0,group:e.query.get("group")})}})();return o(ft,{children:[o("a",{class:"skip",href:"#main",onClick:E=>{var C;E.preventDefault(),(C=document.getElementById("page-title"))==null||C.focus()},children:"Skip to content"}),o("header",{class:"top",children:[o("span",{class:"brand",children:"Meterwise"}),o("span",{class:"who",children:[r.email,i&&o(ft,{children:[" · ",i.name," · ",o("span",{"data-testid":"role",children:i.role.toLowerCase()})]})]}),o("button",{type:"button",class:"secondary small",onClick:()=>void A(),children:"Sign out"})]}),o("nav",{"aria-label":"Main",children:o("ul",{children:ps.filter(E=>!E.admin||I).map(E=>o("li",{children:o("a",{href:`#${E.path}`,"aria-current":e.path===E.path||E.path==="/"&&!ps.some(C=>C.path===e.path)?"page":void 0,children:E.label})},E.path))})}),o("main",{id:"main",children:[o(Ee,{error:v}),k??o("p",{children:"Your role cannot open this page."})]}),u&&o(Uu,{submit:u.submit,onClose:E=>{u.resolve(E),y(null)}})]})}Ea();mc(o(am,{}),document.getElementById("app"));
